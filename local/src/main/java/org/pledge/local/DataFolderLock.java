package org.pledge.local;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.pledge.local.LocalStack.StartFailure;

/**
 * One launcher per data folder: an exclusive lock on {@code <data>/.lock}, which holds the launcher's pid. The
 * operating system releases it when the launcher dies, however it dies.
 */
final class DataFolderLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private DataFolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock, or fails with a message that says another launcher runs with {@code data}. */
    static DataFolderLock acquire(Path data) throws IOException {
        FileChannel channel = FileChannel.open(data.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by another launcher in this very JVM (tests)
        }
        if (lock == null) {
            channel.close();
            throw new StartFailure("another pledge-local is already running with the data folder " + data
                    + "\nStop it first (Ctrl-C in its terminal), or use another folder with --data=DIR.");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
        return new DataFolderLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
