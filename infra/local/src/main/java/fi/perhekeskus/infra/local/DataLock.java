package fi.perhekeskus.infra.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One launcher per data folder: an OS file lock on {@code run/lock} (released by the kernel when
 * its holder dies, however it dies) and, beside it, {@code run/launcher} naming the holder's pid
 * and start time for those who only look (such as {@code ./run bench}) and for the refusal message.
 */
final class DataLock {

    private final FileChannel channel;
    private final FileLock lock;
    private final Path launcherFile;

    private DataLock(FileChannel channel, FileLock lock, Path launcherFile) {
        this.channel = channel;
        this.lock = lock;
        this.launcherFile = launcherFile;
    }

    static DataLock acquire(Path dataDir) {
        Path run = dataDir.resolve("run");
        Path launcherFile = run.resolve("launcher");
        try {
            Files.createDirectories(run);
            FileChannel channel = FileChannel.open(run.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameJvm) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                String holder = LocalPlatform.runningLauncher(dataDir).map(pid -> " (pid " + pid + ")").orElse("");
                throw new LocalPlatform.Refused("another launcher" + holder + " uses the data in " + dataDir);
            }
            ProcessHandle self = ProcessHandle.current();
            Files.writeString(launcherFile, "launcher " + self.pid() + " "
                    + self.info().startInstant().orElseThrow().toEpochMilli() + "\n");
            return new DataLock(channel, lock, launcherFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + run, e);
        }
    }

    void release() {
        try {
            Files.deleteIfExists(launcherFile);
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
