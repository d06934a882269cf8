package io.slawatch.consequence;

import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.model.LedgerEntry;
import io.slawatch.model.Review;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every record and state type of the ledger has a serializer of its own: the jobs disable generic
 * types, so a field Flink could only serialize with Kryo would fail them at start.
 */
class LedgerTypesTest {

    @ParameterizedTest
    @ValueSource(
            classes = {
                LedgerEntry.class,
                Review.class,
                CaseInput.class,
                ActionInput.class,
                Verdict.class,
                BreachCase.class,
                Compensation.class,
                MonthTally.class
            })
    void shouldSerializeWithoutKryo(Class<?> type) {
        TypeInformation<?> info = TypeInformation.of(type);
        List<String> generic = new ArrayList<>();
        collectGeneric(info, type.getSimpleName(), generic);

        assertThat(generic).isEmpty();
        SerializerConfigImpl strict = new SerializerConfigImpl();
        strict.setGenericTypes(false);
        assertThat(info.createSerializer(strict)).isNotNull();
    }

    private static void collectGeneric(TypeInformation<?> info, String path, List<String> out) {
        if (info instanceof GenericTypeInfo<?>) {
            out.add(path + ": " + info);
            return;
        }
        if (info instanceof org.apache.flink.api.common.typeutils.CompositeType<?> composite) {
            for (int i = 0; i < composite.getArity(); i++) {
                collectGeneric(
                        composite.getTypeAt(i), path + "." + composite.getFieldNames()[i], out);
            }
        }
        info.getGenericParameters()
                .forEach((name, parameter) -> collectGeneric(parameter, path + "<" + name, out));
    }
}
