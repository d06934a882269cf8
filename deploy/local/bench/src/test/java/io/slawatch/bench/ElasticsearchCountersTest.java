package io.slawatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ElasticsearchCountersTest {

    private static final Map<String, Long> TEN_ALERTS_BEFORE = Map.of("slawatch-alerts", 10L);

    private static final Map<String, Long> THEN_30_ALERTS_50_CLOCKS_20_LEDGER_ENTRIES =
            new TreeMap<>(
                    Map.of(
                            "slawatch-alerts", 40L,
                            "slawatch-clocks", 50L,
                            "slawatch-ledger", 20L));

    @Test
    void shouldCountDocumentsPerEventWithAndWithoutTheConsequencesByIndex() {
        assertThat(
                        ElasticsearchCounters.documentsPerEvent(
                                TEN_ALERTS_BEFORE, THEN_30_ALERTS_50_CLOCKS_20_LEDGER_ENTRIES, 100))
                .isEqualTo(
                        "1.00 Elasticsearch documents indexed per event, 0.80 without the"
                                + " consequences' ledger, cases and actions (alerts 0.30, clocks"
                                + " 0.50, ledger 0.20)");
    }
}
