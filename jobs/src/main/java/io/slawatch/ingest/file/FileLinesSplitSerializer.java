package io.slawatch.ingest.file;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/** Checkpoints a {@link FileLinesSplit}; also a list of them, for the enumerator. */
final class FileLinesSplitSerializer implements SimpleVersionedSerializer<FileLinesSplit> {

    static final FileLinesSplitSerializer INSTANCE = new FileLinesSplitSerializer();

    @Override
    public int getVersion() {
        return 1;
    }

    @Override
    public byte[] serialize(FileLinesSplit split) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(split, out);
        }
        return bytes.toByteArray();
    }

    @Override
    public FileLinesSplit deserialize(int version, byte[] serialized) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            return read(in);
        }
    }

    static void write(FileLinesSplit split, DataOutputStream out) throws IOException {
        out.writeInt(split.files().size());
        for (String file : split.files()) {
            out.writeUTF(file);
        }
        out.writeInt(split.fileIndex());
        out.writeLong(split.linesRead());
    }

    static FileLinesSplit read(DataInputStream in) throws IOException {
        int count = in.readInt();
        List<String> files = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            files.add(in.readUTF());
        }
        return new FileLinesSplit(files, in.readInt(), in.readLong());
    }

    /** The enumerator's state: the splits not handed out yet. */
    static final class Pending implements SimpleVersionedSerializer<List<FileLinesSplit>> {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(List<FileLinesSplit> splits) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(splits.size());
                for (FileLinesSplit split : splits) {
                    write(split, out);
                }
            }
            return bytes.toByteArray();
        }

        @Override
        public List<FileLinesSplit> deserialize(int version, byte[] serialized) throws IOException {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
                int count = in.readInt();
                List<FileLinesSplit> splits = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    splits.add(read(in));
                }
                return splits;
            }
        }
    }
}
