package pl.sciezka.platform.mongo;

import de.bwaldvogel.mongo.backend.NumericUtils;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Applies the updates the projections send most, a whole replacement, {@code $set} / {@code $unset} of
 * fields, and the cohort cells' {@code $inc}, {@code $setOnInsert}, {@code $addToSet} and {@code $pullAll},
 * to a stored document without copying it whole. For every update the library deep-copies the
 * stored document, deep-copies that into the new one, compares the two, normalises copies of both to
 * tell whether anything changed, and copies the fields back: on a caseload that holds a coordinator's
 * 240 lines, each line set cost five passes over all of them. Here the new document is a shallow copy,
 * with only the documents on the changed paths copied, so the stored one and every document in it stay
 * as they were (an older version of the store's pages may still hold them).
 * <p>
 * Equal values count as unchanged by plain equality, as a real MongoDB compares the stored bytes: an
 * integer set over the same number stored as a double is a change here, not in the library. Numbers add
 * as the library adds them ({@link NumericUtils}), and {@code $addToSet} compares as it does (plainly);
 * {@code $pullAll} is taken here only for strings, where the library's matching is plain equality too.
 */
final class CopyOnWriteUpdate {

    private static final String SET = "$set";
    private static final String UNSET = "$unset";
    private static final String SET_ON_INSERT = "$setOnInsert";
    private static final String INC = "$inc";
    private static final String ADD_TO_SET = "$addToSet";
    private static final String PULL_ALL = "$pullAll";
    private static final Set<String> OPERATORS = Set.of(SET, UNSET, SET_ON_INSERT, INC, ADD_TO_SET, PULL_ALL);

    private final Document stored;
    private final Set<Document> copies = Collections.newSetFromMap(new IdentityHashMap<>());
    private Document updated;

    private CopyOnWriteUpdate(Document stored) {
        this.stored = stored;
    }

    /**
     * The stored document after {@code update}: the same instance if nothing changes, a new one if something
     * does, or null if the library must apply it (other operators, paths into arrays or through a value
     * that is not a document, paths that overlap, the id).
     */
    static Document apply(Document stored, Document update, String idField) {
        if (update.isEmpty()) {
            return null;
        }
        if (isReplacement(update)) {
            return replaced(stored, update, idField);
        }
        List<String> paths = new ArrayList<>();
        for (Map.Entry<String, Object> operator : update.entrySet()) {
            if (!OPERATORS.contains(operator.getKey())
                    || !(operator.getValue() instanceof Document fields) || fields.isEmpty()) {
                return null;
            }
            paths.addAll(fields.keySet());
        }
        if (!UpdatePaths.plainAndApart(paths, idField)) {
            return null;
        }
        CopyOnWriteUpdate change = new CopyOnWriteUpdate(stored);
        for (Map.Entry<String, Object> operator : update.entrySet()) {
            for (Map.Entry<String, Object> field : ((Document) operator.getValue()).entrySet()) {
                if (!change.apply(operator.getKey(), field.getKey().split("\\."), field.getValue())) {
                    return null;
                }
            }
        }
        return change.updated == null ? stored : change.updated;
    }

    /** Whether the update is a whole document, fields and no operators, rather than changes to one. */
    static boolean isReplacement(Document update) {
        return !update.isEmpty() && update.keySet().stream().noneMatch(field -> field.startsWith("$"));
    }

    /** One operator on one path (apart from every other path of the update, so their order does not matter). */
    private boolean apply(String operator, String[] segments, Object value) {
        return switch (operator) {
            case SET -> set(segments, value);
            case UNSET -> unset(segments);
            case SET_ON_INSERT -> true; // the document is stored already: there is nothing to insert
            case INC -> increment(segments, value);
            case ADD_TO_SET -> addToSet(segments, value);
            case PULL_ALL -> pullAll(segments, value);
            default -> false;
        };
    }

    /** The replacement with the stored id first, as MongoDB keeps it; null if it names another id. */
    private static Document replaced(Document stored, Document replacement, String idField) {
        Document document = withId(stored.get(idField), replacement, idField);
        return document == null || !document.equals(stored) ? document : stored;
    }

    /**
     * The replacement stored under {@code id}, the id first, sharing the replacement's values (a request's
     * own, which nothing else holds); null if it names another id.
     */
    static Document withId(Object id, Document replacement, String idField) {
        if (replacement.containsKey(idField) && !Objects.equals(id, replacement.get(idField))) {
            return null;
        }
        Document document = new Document(idField, id);
        replacement.forEach(document::putIfAbsent);
        Utils.validateFieldNames(document);
        return document;
    }

    private boolean set(String[] segments, Object value) {
        Document parent = read(segments);
        String field = segments[segments.length - 1];
        if (parent != null && parent.containsKey(field) && Objects.equals(parent.get(field), value)) {
            return true;
        }
        Document writable = writable(segments);
        if (writable == null) {
            return false;
        }
        writable.put(field, value);
        return true;
    }

    private boolean unset(String[] segments) {
        Document parent = read(segments);
        String field = segments[segments.length - 1];
        if (parent == null) {
            return reachesOnlyDocuments(segments); // nothing to unset where a field on the way is missing
        }
        if (!parent.containsKey(field)) {
            return true;
        }
        writable(segments).remove(field);
        return true;
    }

    private boolean increment(String[] segments, Object amount) {
        Object current = valueAt(segments);
        if (!(amount instanceof Number by) || current != null && !(current instanceof Number)) {
            return false;
        }
        return set(segments, NumericUtils.addNumbers(current == null ? Integer.valueOf(0) : (Number) current, by));
    }

    private boolean addToSet(String[] segments, Object value) {
        Collection<?> adding = Collections.singletonList(value);
        if (value instanceof Document each && !each.isEmpty() && "$each".equals(each.keySet().iterator().next())) {
            if (each.size() != 1 || !(each.get("$each") instanceof Collection<?> values)) {
                return false;
            }
            adding = values;
        }
        Object current = valueAt(segments);
        if (current != null && !(current instanceof List<?>)) {
            return false;
        }
        // a set beside the list, as a cell's tokens are checked against a whole group's: a list's contains made it a square
        List<Object> added = current == null ? new ArrayList<>() : new ArrayList<>((List<?>) current);
        Set<Object> present = new HashSet<>(added);
        for (Object one : adding) {
            if (present.add(one)) {
                added.add(one);
            }
        }
        return current != null && added.size() == ((List<?>) current).size() || set(segments, added);
    }

    private boolean pullAll(String[] segments, Object value) {
        if (!(value instanceof Collection<?> pulled) || !allStrings(pulled)) {
            return false;
        }
        Document parent = read(segments);
        if (parent == null) {
            return reachesOnlyDocuments(segments); // nothing to take from where a field on the way is missing
        }
        Object current = parent.get(segments[segments.length - 1]);
        if (current == null) {
            return true;
        }
        if (!(current instanceof List<?> list) || !allStrings(list)) {
            return false;
        }
        Set<?> taken = new HashSet<>(pulled);
        List<Object> kept = new ArrayList<>(list.size());
        for (Object element : list) {
            if (!taken.contains(element)) {
                kept.add(element);
            }
        }
        return kept.size() == list.size() || set(segments, kept);
    }

    private static boolean allStrings(Collection<?> values) {
        return values.stream().allMatch(String.class::isInstance);
    }

    /** The value at the path in the document as updated so far; null if it or a document on the way is missing. */
    private Object valueAt(String[] segments) {
        Document parent = read(segments);
        return parent == null ? null : parent.get(segments[segments.length - 1]);
    }

    /** The document holding the path's last field in the document as updated so far, or null if there is none. */
    private Document read(String[] segments) {
        Document parent = updated == null ? stored : updated;
        for (int i = 0; i < segments.length - 1 && parent != null; i++) {
            parent = parent.get(segments[i]) instanceof Document child ? child : null;
        }
        return parent;
    }

    /** Whether the way to the path's last field meets a missing field before anything that is not a document. */
    private boolean reachesOnlyDocuments(String[] segments) {
        Document parent = updated == null ? stored : updated;
        for (int i = 0; i < segments.length - 1; i++) {
            if (!parent.containsKey(segments[i])) {
                return true;
            }
            if (!(parent.get(segments[i]) instanceof Document child)) {
                return false;
            }
            parent = child;
        }
        return true;
    }

    /**
     * The document to hold the path's last field in the new document, the documents on the way copied
     * once each and missing ones made; null if a value on the way is something other than a document.
     */
    private Document writable(String[] segments) {
        if (updated == null) {
            updated = stored.clone();
            copies.add(updated);
        }
        Document parent = updated;
        for (int i = 0; i < segments.length - 1; i++) {
            Object child = parent.get(segments[i]);
            Document writable;
            if (child == null && !parent.containsKey(segments[i])) {
                writable = new Document();
            } else if (child instanceof Document document) {
                writable = copies.contains(document) ? document : document.clone();
            } else {
                return null;
            }
            if (writable != child) {
                copies.add(writable);
                parent.put(segments[i], writable);
            }
            parent = writable;
        }
        return parent;
    }
}
