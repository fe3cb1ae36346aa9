package org.tiqu.batch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.tiqu.output.OutputFolderException;

/**
 * One run at a time in an output folder: a run holds an exclusive lock on {@code .lock} in the
 * folder while it writes, with its process id in the file for the message another run gives.
 * Two runs writing one folder would remove each other's temporary files and each fold only
 * its own documents into the manifest. The lock is the operating system's, so a run that is
 * killed releases it; the file stays (empty after a run that ended) and is never deleted,
 * since deleting it would let a third run lock a new file while the second holds the old one.
 * An audit takes a shared lock: it may run beside another audit, not beside a batch.
 */
public final class OutputLock implements AutoCloseable {

    public static final String FILE_NAME = ".lock";

    private final FileChannel channel;
    private final FileLock lock;
    private final boolean exclusive;

    private OutputLock(FileChannel channel, FileLock lock, boolean exclusive) {
        this.channel = channel;
        this.lock = lock;
        this.exclusive = exclusive;
    }

    /**
     * The exclusive lock of {@code outDir}, which must exist.
     *
     * @throws OutputFolderException when another run holds it, naming its process
     */
    public static OutputLock exclusive(Path outDir) throws IOException {
        Path file = outDir.resolve(FILE_NAME);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock = tryLock(channel, false);
        if (lock == null) {
            String holder = holderOf(channel);
            channel.close();
            throw inUse(outDir, holder);
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
        return new OutputLock(channel, lock, true);
    }

    /**
     * Fails at once when another run holds {@code outDir}, so that a command says so before it
     * spends seconds loading rules and HanLP; the run takes the lock itself later.
     *
     * @throws OutputFolderException when another run holds it, naming its process
     */
    public static void ensureFree(Path outDir) throws IOException {
        Path file = outDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = tryLock(channel, false);
            if (lock == null) {
                throw inUse(outDir, holderOf(channel));
            }
            lock.release();
        }
    }

    /**
     * A shared lock of {@code outDir}, for reading it whole; none (null) when the folder has no
     * lock file, as one written before locks were kept, or cannot be written.
     *
     * @throws OutputFolderException when a batch is writing the folder, naming its process
     */
    public static OutputLock shared(Path outDir) throws IOException {
        Path file = outDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            return null; // a read-only copy of an output folder: nothing can write it either
        }
        FileLock lock = tryLock(channel, true);
        if (lock == null) {
            String holder = holderOf(channel);
            channel.close();
            throw new OutputFolderException(outDir + " is being written by a tiqu run (" + holder
                    + "); audit it when the run has ended");
        }
        return new OutputLock(channel, lock, false);
    }

    private static OutputFolderException inUse(Path outDir, String holder) {
        return new OutputFolderException(outDir + " is in use by another tiqu run (" + holder
                + "); wait for it to end, or give another --out");
    }

    private static FileLock tryLock(FileChannel channel, boolean shared) throws IOException {
        try {
            return channel.tryLock(0, Long.MAX_VALUE, shared);
        } catch (OverlappingFileLockException e) {
            return null; // held by this very process (another batch in the same JVM)
        }
    }

    /** What the lock file says of the run holding it. */
    private static String holderOf(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(64);
            int n = channel.read(buffer, 0);
            String text = n <= 0 ? "" : new String(buffer.array(), 0, n, StandardCharsets.UTF_8).strip();
            if (text.startsWith("pid ")) {
                String pid = text.substring(4);
                return pid.equals(String.valueOf(ProcessHandle.current().pid())) ? "this process" : "process " + pid;
            }
        } catch (IOException e) {
            // the holder is unknown; the lock itself is what matters
        }
        return "process unknown";
    }

    /** Releases the lock; an exclusive holder empties the file first, so that a finished run leaves nothing of its own. */
    @Override
    public void close() throws IOException {
        try {
            if (exclusive) {
                channel.truncate(0);
            }
            lock.release();
        } finally {
            channel.close();
        }
    }
}
