package cn.invoicehelp.knowledge.search;

import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.PostingsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.memory.DirectPostingsFormat;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FilterDirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.FixedBitSet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * How the knowledge base's small, frozen indexes are written and opened so that a search reads arrays, not encoded
 * streams. Measured on a chat turn (docs/benchmarks.md): decoding postings and sparse norms from the in-memory
 * directory's byte buffers, and the buffer clones each postings reader makes, were a third of the search. Postings
 * are held as arrays ({@link DirectPostingsFormat}, Lucene's format for small indexes kept in RAM) and each field's
 * norms are read once into an array. Scores are unchanged: the same statistics, norms and similarity.
 */
final class InMemoryIndexes {

    private static final PostingsFormat POSTINGS = new DirectPostingsFormat();

    private InMemoryIndexes() {
    }

    /** The default codec with every field's postings kept as arrays once opened. */
    static Codec codec() {
        return new Lucene912Codec() {
            @Override
            public PostingsFormat getPostingsFormatForField(String field) {
                return POSTINGS;
            }
        };
    }

    /** Opens the index with each field's norms preloaded into arrays. */
    static DirectoryReader open(Directory directory) throws IOException {
        return new PreloadedNorms(DirectoryReader.open(directory));
    }

    private static final class PreloadedNorms extends FilterDirectoryReader {

        PreloadedNorms(DirectoryReader in) throws IOException {
            super(in, new SubReaderWrapper() {
                @Override
                public LeafReader wrap(LeafReader reader) {
                    return new PreloadedNormsLeaf(reader);
                }
            });
        }

        @Override
        protected DirectoryReader doWrapDirectoryReader(DirectoryReader in) throws IOException {
            return new PreloadedNorms(in);
        }

        @Override
        public CacheHelper getReaderCacheHelper() {
            return null; // never reopened; nothing caches per reader
        }
    }

    private static final class PreloadedNormsLeaf extends FilterLeafReader {

        private final Map<String, ArrayNorms> norms = new HashMap<>();

        PreloadedNormsLeaf(LeafReader in) {
            super(in);
            try {
                for (FieldInfo field : in.getFieldInfos()) {
                    NumericDocValues values = field.hasNorms() ? in.getNormValues(field.name) : null;
                    if (values != null) {
                        norms.put(field.name, ArrayNorms.read(values, in.maxDoc()));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public NumericDocValues getNormValues(String field) {
            ArrayNorms loaded = norms.get(field);
            return loaded == null ? null : loaded.iterator();
        }

        @Override
        public CacheHelper getCoreCacheHelper() {
            return null;
        }

        @Override
        public CacheHelper getReaderCacheHelper() {
            return null;
        }
    }

    /** A field's norms by doc id, and which documents have one. */
    private record ArrayNorms(long[] values, FixedBitSet present) {

        static ArrayNorms read(NumericDocValues in, int maxDoc) throws IOException {
            long[] values = new long[maxDoc];
            FixedBitSet present = new FixedBitSet(Math.max(maxDoc, 1));
            for (int doc = in.nextDoc(); doc != NumericDocValues.NO_MORE_DOCS; doc = in.nextDoc()) {
                values[doc] = in.longValue();
                present.set(doc);
            }
            return new ArrayNorms(values, present);
        }

        NumericDocValues iterator() {
            return new NumericDocValues() {
                private int doc = -1;

                @Override
                public long longValue() {
                    return values[doc];
                }

                @Override
                public boolean advanceExact(int target) {
                    doc = target;
                    return present.get(target);
                }

                @Override
                public int docID() {
                    return doc;
                }

                @Override
                public int nextDoc() {
                    return advance(doc + 1);
                }

                @Override
                public int advance(int target) {
                    doc = target >= values.length ? NO_MORE_DOCS : present.nextSetBit(target);
                    return doc;
                }

                @Override
                public long cost() {
                    return present.cardinality();
                }
            };
        }
    }
}
