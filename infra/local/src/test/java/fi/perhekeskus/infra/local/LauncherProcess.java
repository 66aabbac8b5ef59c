package fi.perhekeskus.infra.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The launcher ({@link LocalPlatform}) as a real process of its own, as {@code ./run} starts it,
 * on a data folder and a port offset of the test's own; its output is collected.
 */
final class LauncherProcess {

    final Process process;
    final List<String> output = new CopyOnWriteArrayList<>();

    private LauncherProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    output.add(line);
                }
            } catch (IOException ended) {
                // the launcher is gone
            }
        }, "launcher-output");
        reader.setDaemon(true);
        reader.start();
    }

    static LauncherProcess start(Path root, Path data, int portOffset, String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-Daxoniq.update-checker.disabled=true",
                "-Dperhekeskus.root=" + root, "-cp", System.getProperty("java.class.path"),
                LocalPlatform.class.getName(), "--data", data.toString(), "--port-offset", Integer.toString(portOffset)));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(LocalSecrets.forTests().environment());
        return new LauncherProcess(builder.start());
    }

    boolean isUp() {
        return output.stream().anyMatch(line -> line.startsWith("Perhekeskus platform is up"));
    }

    String output() {
        return String.join("\n", output);
    }

    /** The ports of the platform shifted by {@code offset}, with none of them in use right now. */
    static int freePortOffset() {
        Random random = new Random();
        for (int attempt = 0; attempt < 100; attempt++) {
            // Below the ephemeral range (32768+), above the default ports.
            int offset = 1000 + random.nextInt(4700);
            if (LocalPlatform.Options.defaults(Path.of(".")).ports().stream().allMatch(p -> free(p + offset))) {
                return offset;
            }
        }
        throw new IllegalStateException("no free port offset");
    }

    static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
