package fi.perhekeskus.infra;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import fi.perhekeskus.infra.testing.PlatformBorders;
import fi.perhekeskus.infra.testing.PlatformNames;

/** infra, the broker launcher and core-domain (from the classpath) keep the platform's borders. */
@AnalyzeClasses(packages = {"fi.perhekeskus.infra", "fi.perhekeskus.kafka", "fi.perhekeskus.contract",
        "fi.perhekeskus.domain", "fi.perhekeskus.privacy"}, importOptions = ImportOption.DoNotIncludeTests.class)
class InfraBordersTest {

    @ArchTest
    static final ArchTests borders = ArchTests.in(PlatformBorders.class);

    @ArchTest
    static final ArchTests names = ArchTests.in(PlatformNames.class);
}
