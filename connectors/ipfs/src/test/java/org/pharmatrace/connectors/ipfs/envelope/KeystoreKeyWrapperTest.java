package org.pharmatrace.connectors.ipfs.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeystoreKeyWrapperTest {

  @TempDir
  Path directory;

  @Test
  void whenADataKeyIsWrappedThenItUnwrapsToTheSameKey() throws Exception {
    KeystoreKeyWrapper wrapper = KeystoreFixture.wrapper(directory, "hub-kek-1");
    SecretKey dataKey = dataKey();

    WrappedKey wrapped = wrapper.wrap(dataKey);

    assertThat(wrapped.keyId()).isEqualTo("hub-kek-1");
    assertThat(wrapped.algorithm()).isEqualTo("AES-KW");
    assertThat(wrapped.bytes()).hasSize(40).isNotEqualTo(dataKey.getEncoded());
    assertThat(wrapper.unwrap(wrapped).getEncoded()).isEqualTo(dataKey.getEncoded());
  }

  @Test
  void whenTheKeyWasRotatedThenKeysWrappedUnderTheOldOneStillUnwrap() throws Exception {
    Path keystore = KeystoreFixture.keystore(directory, "hub-kek-1", "hub-kek-2");
    SecretKey dataKey = dataKey();
    WrappedKey underOld = KeystoreKeyWrapper.load(keystore, KeystoreFixture.PASSWORD, "hub-kek-1").wrap(dataKey);

    KeystoreKeyWrapper rotated = KeystoreKeyWrapper.load(keystore, KeystoreFixture.PASSWORD, "hub-kek-2");

    assertThat(rotated.unwrap(underOld).getEncoded()).isEqualTo(dataKey.getEncoded());
    assertThat(rotated.wrap(dataKey).keyId()).isEqualTo("hub-kek-2");
  }

  @Test
  void whenTheConfiguredKeyIsMissingThenLoadingFailsNamingIt() throws Exception {
    Path keystore = KeystoreFixture.keystore(directory, "hub-kek-1");

    assertThatThrownBy(() -> KeystoreKeyWrapper.load(keystore, KeystoreFixture.PASSWORD, "hub-kek-9"))
        .isInstanceOf(GeneralSecurityException.class).hasMessageContaining("'hub-kek-9'");
  }

  @Test
  void whenAnotherKeyHasTheSameIdThenUnwrappingFails() throws Exception {
    WrappedKey wrapped = KeystoreFixture.wrapper(directory, "hub-kek-1").wrap(dataKey());
    KeystoreKeyWrapper impostor = KeystoreFixture.wrapper(directory, "hub-kek-1");

    assertThatThrownBy(() -> impostor.unwrap(wrapped)).isInstanceOf(GeneralSecurityException.class)
        .hasMessageContaining("does not unwrap under key-encryption key 'hub-kek-1'");
  }

  private static SecretKey dataKey() throws GeneralSecurityException {
    KeyGenerator generator = KeyGenerator.getInstance("AES");
    generator.init(256);
    return generator.generateKey();
  }
}
