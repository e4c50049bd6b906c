package org.pharmatrace.connectors.ipfs.kubo;

import java.net.URI;

/** Whether the Kubo daemon answers, and with which version, or why not. */
public record KuboHealth(URI api, boolean up, String version, String problem) {

  static KuboHealth up(URI api, String version) {
    return new KuboHealth(api, true, version, null);
  }

  static KuboHealth down(URI api, String problem) {
    return new KuboHealth(api, false, null, problem);
  }
}
