package fi.perhekeskus.infra.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Who holds a TCP port: a port is taken if it cannot be bound on the loopback address, and its
 * holder is the process with a listening socket on it ({@code /proc/net/tcp[6]} gives the socket's
 * inode, {@code /proc/<pid>/fd} the process that has it open). A process of another user cannot be
 * looked into: its pid is then unknown.
 */
public final class ListeningPorts {

    private static final String LISTEN = "0A";

    private ListeningPorts() {
    }

    /** A port that is taken, and the pid of its holder where it can be found. */
    public record Held(int port, OptionalLong pid) {

        public String describe() {
            if (pid.isEmpty()) {
                return "port " + port + " is held by another process (pid unknown: not one of this user's)";
            }
            String command = ProcessHandle.of(pid.getAsLong()).flatMap(p -> p.info().command())
                    .map(c -> " (" + Path.of(c).getFileName() + ")").orElse("");
            return "port " + port + " is held by pid " + pid.getAsLong() + command;
        }
    }

    public static Optional<Held> held(int port) {
        if (bindable(port)) {
            return Optional.empty();
        }
        return Optional.of(new Held(port, holder(port)));
    }

    static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    /** The pid of the process listening on {@code port}, if this user may see it. */
    public static OptionalLong holder(int port) {
        Set<String> inodes = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            inodes.addAll(listeningInodes(Path.of(table), port));
        }
        if (inodes.isEmpty()) {
            return OptionalLong.empty();
        }
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path process : processes) {
                if (holdsAny(process.resolve("fd"), inodes)) {
                    return OptionalLong.of(Long.parseLong(process.getFileName().toString()));
                }
            }
        } catch (IOException noProc) {
            // not Linux
        }
        return OptionalLong.empty();
    }

    static Set<String> listeningInodes(Path table, int port) {
        Set<String> inodes = new HashSet<>();
        try {
            for (String line : Files.readAllLines(table)) {
                String[] f = line.trim().split("\\s+");
                // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
                if (f.length < 10 || !f[3].equals(LISTEN)) {
                    continue;
                }
                String local = f[1];
                int colon = local.lastIndexOf(':');
                if (colon > 0 && Integer.parseInt(local.substring(colon + 1), 16) == port) {
                    inodes.add(f[9]);
                }
            }
        } catch (IOException | NumberFormatException unreadable) {
            // no such table here
        }
        return inodes;
    }

    private static boolean holdsAny(Path fds, Set<String> inodes) {
        try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(fds)) {
            for (Path fd : descriptors) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[") && inodes.contains(target.substring(8, target.length() - 1))) {
                        return true;
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor went away while we looked
                }
            }
        } catch (IOException | SecurityException notOurs) {
            // another user's process
        }
        return false;
    }
}
