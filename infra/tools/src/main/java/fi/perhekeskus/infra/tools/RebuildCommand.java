package fi.perhekeskus.infra.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.perhekeskus.infra.local.LocalSecrets;
import fi.perhekeskus.infra.local.PlatformLayout;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * {@code ./run rebuild <projection>}: drops a reporting projection and replays it from offset 0 of
 * the topics, printing progress (events/s, percent of the end offsets) until it has caught up.
 */
public final class RebuildCommand {

    private RebuildCommand() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: rebuild <projection>, e.g. referral-flow-projection");
        }
        String base = System.getProperty("perhekeskus.reporting", PlatformLayout.DEFAULT.reporting().url()) + "/api/v1/admin/projections/";
        String token = LocalSecrets.ofInstallation().tokens().coordinator("rebuild-command");
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(base + args[0] + "/rebuild"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            throw new IllegalStateException("rebuild refused: " + started.statusCode() + " " + started.body());
        }
        long begun = System.nanoTime();
        while (true) {
            Thread.sleep(500);
            Map<?, ?> progress = json.readValue(http.send(HttpRequest.newBuilder(URI.create(base + args[0]))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString()).body(),
                    Map.class);
            System.out.printf("%s: %s of %s records (%s %%), %s events/s%n", args[0], progress.get("processed"),
                    progress.get("end"), progress.get("percent"), progress.get("eventsPerSecond"));
            if (Integer.valueOf(100).equals(progress.get("percent")) && Boolean.FALSE.equals(progress.get("replaying"))) {
                System.out.printf("%s rebuilt in %.1f s%n", args[0], (System.nanoTime() - begun) / 1e9);
                return;
            }
        }
    }
}
