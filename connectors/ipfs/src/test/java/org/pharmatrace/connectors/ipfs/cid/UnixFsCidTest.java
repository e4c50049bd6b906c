package org.pharmatrace.connectors.ipfs.cid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The CIDs Kubo's own tests expect, recomputed locally. Sources (read by us, values copied as facts):
 * kubo test/cli/cid_profiles_test.go (IPIP-499 profiles unixfs-v0-2015 and unixfs-v1-2025) and kubo v0.39.0
 * test/cli/add_test.go ("test-cid-v1" profile = the hub's parameters). Their large files come from
 * DeterministicRandomReader, which {@link KuboDeterministicBytes} reproduces.
 *
 * <p>Each "at max links" file is a prefix of its "over max links" file, so the node over the first maxLinks leaves
 * of the larger file is the whole smaller file: one pass checks both vectors.
 */
class UnixFsCidTest {

  private static final byte[] HELLO_WORLD = "hello world".getBytes(StandardCharsets.US_ASCII);

  @Nested
  class WithTheHubProfile {

    @Test
    void whenTheFileIsEmptyThenItIsTheEmptyRawBlock() {
      assertThat(UnixFsCid.of(new byte[0], ImportProfile.HUB))
          .hasToString("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku");
    }

    @Test
    void whenTheFileIsOneChunkThenItIsARawLeaf() {
      Cid cid = UnixFsCid.of(HELLO_WORLD, ImportProfile.HUB);

      // cid_profiles_test.go, unixfs-v1-2025 SmallFileCID: "hello world" as a raw leaf.
      assertThat(cid).hasToString("bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e");
      assertThat(cid.codec()).isEqualTo(Cid.RAW);
    }

    @Test
    void whenTheFileOutgrows174ChunksThenTheDagGrowsALevelAsKubosDoes() throws IOException {
      // add_test.go (v0.39.0), test-cid-v1, seed "v1-seed": 174 MiB fills one node; 175 MiB has a root of 2 links.
      UnixFsCid cid = new UnixFsCid(ImportProfile.HUB);
      KuboDeterministicBytes.mib(175, "v1-seed").transferTo(cid);

      assertThat(cid.finish()).hasToString("bafybeidhd7lo2n2v7lta5yamob3xwhbxcczmmtmhquwhjesi35jntf7mpu");
      assertThat(fullNode(cid, 174)).hasToString("bafybeigwduxcf2aawppv3isnfeshnimkyplvw3hthxjhr2bdeje4tdaicu");
      // 175 leaves, the full node, the node over the last leaf, the root.
      assertThat(cid.blocks()).hasSize(175 + 3);
    }
  }

  @Nested
  class WithTheUnixFsV12025Profile {

    @Test
    void whenTheFileOutgrows1024ChunksThenTheDagGrowsALevelAsKubosDoes() throws IOException {
      // cid_profiles_test.go, unixfs-v1-2025, seed "v1-2025-seed": FileAtMaxLinksCID (1024 MiB) and
      // FileOverMaxLinksCID (1025 MiB).
      UnixFsCid cid = new UnixFsCid(ImportProfile.UNIXFS_V1_2025);
      KuboDeterministicBytes.mib(1025, "v1-2025-seed").transferTo(cid);

      assertThat(cid.finish()).hasToString("bafybeihmzokxxjqwxjcryerhp5ezpcog2wcawfryb2xm64xiakgm4a5jue");
      assertThat(fullNode(cid, 1024)).hasToString("bafybeihmf37wcuvtx4hpu7he5zl5qaf2ineo2lqlfrapokkm5zzw7zyhvm");
    }
  }

  @Nested
  class WithTheLegacyV0Profile {

    @Test
    void whenTheFileIsEmptyThenItIsTheWellKnownEmptyFileNode() {
      assertThat(UnixFsCid.of(new byte[0], ImportProfile.UNIXFS_V0_2015))
          .hasToString("QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH");
    }

    @Test
    void whenTheFileIsOneChunkThenItIsAWrappedLeaf() {
      // cid_profiles_test.go, unixfs-v0-2015 SmallFileCID: "hello world" dag-pb wrapped.
      assertThat(UnixFsCid.of(HELLO_WORLD, ImportProfile.UNIXFS_V0_2015))
          .hasToString("Qmf412jQZiuVUtdgnB36FXFX7xg5V6KEbSJ4dpQuhkLyfD");
    }

    @Test
    void whenTheFileOutgrows174ChunksThenTheDagGrowsALevelAsKubosDoes() throws IOException {
      // cid_profiles_test.go, unixfs-v0-2015, seed "v0-seed": FileAtMaxLinksCID (44544 KiB = 174 x 256 KiB) and
      // FileOverMaxLinksCID (44800 KiB).
      UnixFsCid cid = new UnixFsCid(ImportProfile.UNIXFS_V0_2015);
      KuboDeterministicBytes.kib(44800, "v0-seed").transferTo(cid);

      assertThat(cid.finish()).hasToString("QmepeWtdmS1hHXx1oZXsPUv6bMrfRRKfZcoPPU4eEfjnbf");
      assertThat(fullNode(cid, 174)).hasToString("QmUbBALi174SnogsUzLpYbD4xPiBSFANF4iztWCsHbMKh2");
    }
  }

  @Test
  void whenBytesArriveOneByOneThenTheCidIsTheSame() {
    ImportProfile tiny = new ImportProfile(1, true, 4, 3);
    UnixFsCid cid = new UnixFsCid(tiny);
    byte[] file = new byte[50];
    for (int i = 0; i < file.length; i++) {
      cid.write(i);
      file[i] = (byte) i;
    }

    assertThat(cid.finish()).isEqualTo(UnixFsCid.of(file, tiny));
    assertThat(cid.size()).isEqualTo(50);
  }

  /** Blocks are listed as made: the first node closes right after its {@code maxLinks} leaves. */
  private static Cid fullNode(UnixFsCid cid, int maxLinks) {
    List<Cid> blocks = cid.blocks();
    assertThat(blocks.get(maxLinks).codec()).isEqualTo(Cid.DAG_PB);
    return blocks.get(maxLinks);
  }
}
