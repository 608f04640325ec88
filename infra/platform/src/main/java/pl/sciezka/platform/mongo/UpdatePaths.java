package pl.sciezka.platform.mongo;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which paths of an update {@link CopyOnWriteUpdate} takes: names of fields all the way, none of them the id, none
 * inside another, so that the update's operators can be applied one path at a time in any order. Anything else (an
 * array's index, a positional operator, overlapping paths) is the library's to apply.
 */
final class UpdatePaths {

    private UpdatePaths() {
    }

    /** Names of fields only (no array index, no operator, not the id), none inside another. */
    static boolean plainAndApart(List<String> paths, String idField) {
        Set<String> all = new HashSet<>(2 * paths.size());
        for (String path : paths) {
            if (!all.add(path) || !plain(path) || path.equals(idField)
                    || path.startsWith(idField) && path.charAt(idField.length()) == '.') {
                return false;
            }
        }
        for (String path : paths) {
            for (int dot = path.indexOf('.'); dot >= 0; dot = path.indexOf('.', dot + 1)) {
                if (all.contains(path.substring(0, dot))) {
                    return false; // a path inside another
                }
            }
        }
        return true;
    }

    /** Whether every segment of the path names a field: none empty, an operator or all digits (an array's index). */
    private static boolean plain(String path) {
        int start = 0;
        while (true) {
            int end = path.indexOf('.', start);
            end = end < 0 ? path.length() : end;
            if (end == start || path.charAt(start) == '$' || allDigits(path, start, end)) {
                return false;
            }
            if (end == path.length()) {
                return true;
            }
            start = end + 1;
        }
    }

    private static boolean allDigits(String path, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!Character.isDigit(path.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
