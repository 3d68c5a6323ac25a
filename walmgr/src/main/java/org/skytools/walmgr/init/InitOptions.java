package org.skytools.walmgr.init;

import java.util.Map;

/**
 * The switches of {@code --init-master} and {@code --init-slave}.
 *
 * @param configDir where the generated config goes ({@code --config-dir}, default {@code ~/conf})
 * @param slave the slave host ({@code --slave})
 * @param pgdata the data directory ({@code --pgdata})
 * @param sshKeygen create an ssh key pair if missing ({@code --ssh-keygen})
 * @param sshAddKey public key file to authorize ({@code --ssh-add-key})
 * @param primaryConninfo streaming source ({@code --primary-conninfo})
 * @param addPassword file holding the replication password ({@code --add-password})
 * @param overrides {@code --set} values
 */
public record InitOptions(
        String configDir,
        String slave,
        String pgdata,
        boolean sshKeygen,
        String sshAddKey,
        String primaryConninfo,
        String addPassword,
        Map<String, String> overrides) {}
