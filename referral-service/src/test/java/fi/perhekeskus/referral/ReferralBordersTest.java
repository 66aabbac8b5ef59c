package fi.perhekeskus.referral;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import fi.perhekeskus.infra.testing.PlatformBorders;
import fi.perhekeskus.infra.testing.PlatformNames;

/** referral-service keeps the platform's borders (PlatformBorders) and names (PlatformNames). */
@AnalyzeClasses(packages = "fi.perhekeskus.referral", importOptions = ImportOption.DoNotIncludeTests.class)
class ReferralBordersTest {

    @ArchTest
    static final ArchTests borders = ArchTests.in(PlatformBorders.class);

    @ArchTest
    static final ArchTests names = ArchTests.in(PlatformNames.class);
}
