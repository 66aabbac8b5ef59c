package fi.perhekeskus.referral.directory;

import java.util.List;

/** One page of a directory listing and the number of matches over all pages. */
public record DirectoryPage<T>(long total, List<T> items) {
}
