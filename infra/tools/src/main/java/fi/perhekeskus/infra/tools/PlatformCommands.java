package fi.perhekeskus.infra.tools;

import fi.perhekeskus.infra.bench.Benchmark;
import fi.perhekeskus.infra.bench.Chaos;
import fi.perhekeskus.infra.local.LocalPlatform;

import java.util.Arrays;

/**
 * The entry point of {@code ./run}: {@code demo}, {@code rebuild}, {@code bench} and {@code chaos}
 * are tools of this module; anything else (starting the platform, {@code token}) is the launcher's.
 * The launcher knows nothing of the tools: they use it, not the other way round.
 */
public final class PlatformCommands {

    private PlatformCommands() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (command) {
            case "demo" -> DemoData.main(rest);
            case "rebuild" -> RebuildCommand.main(rest);
            case "bench" -> Benchmark.main(rest);
            case "chaos" -> Chaos.main(rest);
            default -> LocalPlatform.main(args);
        }
    }
}
