package fi.perhekeskus.infra.serialization;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Text is storable exactly when it survives UTF-8 unchanged and holds no U+0000; Jackson refuses the rest by field. */
class StorableTextTest {

    record Family(String municipality, List<String> names) {
    }

    private final ObjectMapper json = new ObjectMapper().registerModule(StorableText.module());

    @Property(tries = 2_000)
    void storableIsWhatUtf8CarriesUnchangedWithoutNul(@ForAll String text) {
        boolean roundTrips = new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals(text);
        assertThat(StorableText.isStorable(text)).isEqualTo(roundTrips && text.indexOf('\u0000') < 0);
    }

    @Test
    void realTextIsStorable() {
        assertThat(StorableText.isStorable("Åsa Öhman-Ääriö 😀 \t\r\n")).isTrue();
        assertThat(StorableText.isStorable("")).isTrue();
    }

    @Test
    void nulAndUnpairedSurrogatesAreNot() {
        assertThat(StorableText.isStorable("Tam\u0000pere")).isFalse();
        assertThat(StorableText.isStorable("x\ud800")).isFalse();
        assertThat(StorableText.isStorable("\udc00y")).isFalse();
        assertThat(StorableText.isStorable("\ud800\ud800\udc00")).isFalse();
    }

    @Test
    void jsonReadsStorableTextAsItIs() throws Exception {
        Family family = json.readValue("{\"municipality\":\"Tampere \\ud83d\\ude00\",\"names\":[\"Åsa\"]}", Family.class);
        assertThat(family).isEqualTo(new Family("Tampere 😀", List.of("Åsa")));
    }

    @Test
    void jsonRefusesTheFieldThatCannotBeStored() {
        assertThatThrownBy(() -> json.readValue("{\"municipality\":\"Tam\\u0000pere\",\"names\":[]}", Family.class))
                .satisfies(e -> {
                    assertThat(StorableText.isRefusal(e)).isTrue();
                    assertThat(((JsonMappingException) e).getPathReference()).contains("municipality");
                    // The refused text is not repeated in the failure.
                    assertThat(e.getMessage()).doesNotContain("Tam");
                });
        assertThatThrownBy(() -> json.readValue("{\"municipality\":\"x\",\"names\":[\"a\",\"\\ud800\"]}", Family.class))
                .satisfies(e -> {
                    assertThat(StorableText.isRefusal(e)).isTrue();
                    assertThat(((JsonMappingException) e).getPathReference()).contains("names").contains("[1]");
                });
    }
}
