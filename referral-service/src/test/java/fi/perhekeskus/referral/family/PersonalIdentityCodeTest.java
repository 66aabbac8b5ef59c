package fi.perhekeskus.referral.family;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalIdentityCodeTest {

    @ParameterizedTest(name = "{0} is valid")
    @CsvSource({
            "131052-308T, 1952-10-13",
            "150592-908R, 1992-05-15",
            "030317A9468, 2017-03-03",
            "030317F9468, 2017-03-03",
            "030317Y9468, 1917-03-03",
            "241298+123D, 1898-12-24"})
    void validCodesPass(String code, LocalDate born) {
        assertThat(PersonalIdentityCode.problem(code, born)).isNull();
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource({
            "131052-308U, 1952-10-13, has a wrong check character",
            "131052-308t, 1952-10-13, is not in the format DDMMYYCZZZQ",
            "131052G308T, 1952-10-13, is not in the format DDMMYYCZZZQ",
            "1310523-08T, 1952-10-13, is not in the format DDMMYYCZZZQ",
            "310252-308T, 1952-02-29, has no valid birth date",
            "131052-308T, 1953-10-13, does not match the birth date"})
    void invalidCodesSayWhy(String code, LocalDate born, String problem) {
        assertThat(PersonalIdentityCode.problem(code, born)).isEqualTo(problem);
    }
}
