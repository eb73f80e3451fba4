package io.tienda.platform.testing.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.util.LinuxUtils;

/**
 * PostgreSQL refuses to run as root. zonky then runs it inside a user namespace ({@code unshare -U}),
 * where it is not root; when the kernel or a container's seccomp profile forbids that, say so plainly
 * instead of letting initdb fail obscurely.
 */
final class Unix {

    private Unix() {
    }

    static void requireUnprivilegedPostgres() {
        if (isRoot() && !LinuxUtils.isUnshareAvailable()) {
            throw new IllegalStateException("PostgreSQL cannot run as root, and this machine does not allow "
                    + "'unshare -U', which would let it run unprivileged. Run the build as a non-root user, or allow "
                    + "user namespaces (sysctl kernel.unprivileged_userns_clone=1; in Docker: "
                    + "--security-opt seccomp=unconfined).");
        }
    }

    static boolean isRoot() {
        try {
            // /proc/self belongs to the effective user of this process
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        }
        catch (IOException | UnsupportedOperationException | IllegalArgumentException ex) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

}
