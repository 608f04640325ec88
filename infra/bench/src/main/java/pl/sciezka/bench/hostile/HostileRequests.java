package pl.sciezka.bench.hostile;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import pl.sciezka.bench.client.Api;

/**
 * Malformed and hostile requests across every write endpoint, each certainly wrong: a field of the
 * wrong type, out of bounds, hostile or absurd ({@link FieldMutations}); bodies that are no JSON, too
 * deep, too big, of unknown fields or invalid UTF-8; wrong media types, no or bad credentials; a role
 * that may not, another caseworker's case, another institution's referral; hostile ids in the path;
 * methods the path has not. {@link #all} lists them all, {@link #sample} draws some of every family,
 * {@link #compound} breaks several fields at once.
 */
public final class HostileRequests {

    private static final List<String> BROKEN_JSON = List.of("", "{", "}", "{\"a\":", "[]", "null", "\"text\"", "12",
            "{'reason':'x'}", "{\"reason\":\"x\",}", "{/* comment */}", "{\"reason\":NaN}", "{\"reason\":\"x\"}}}",
            "{\"reason\":\"x\"} trailing", "{\"reason\" \"x\"}", "{\"reason\":\"\\u12\"}", "\u0000", "{\"a\":1}\u0000");

    private HostileRequests() {
    }

    public static List<HostileRequest> all(Targets targets) {
        List<HostileRequest> requests = new ArrayList<>();
        for (Endpoint endpoint : WriteEndpoints.all(targets)) {
            for (Endpoint.Field field : endpoint.fields()) {
                for (FieldMutations.Mutation mutation : FieldMutations.of(field, endpoint.value(field.path()))) {
                    requests.add(request(endpoint, field.pointer() + ": " + mutation.description(),
                            field.kind() + ": " + mutation.description(), json(endpoint.with(field.path(), mutation.value()))));
                }
            }
            requests.addAll(bodies(endpoint));
            requests.addAll(headers(endpoint));
            requests.addAll(strangers(endpoint, targets));
            requests.addAll(paths(endpoint, targets));
        }
        return requests;
    }

    /**
     * About {@code count} of {@link #all}, drawn at random with {@code seed}, yet with every family of tries
     * and every endpoint among them at least once.
     */
    public static List<HostileRequest> sample(Targets targets, int count, long seed) {
        List<HostileRequest> all = all(targets);
        Collections.shuffle(all, new Random(seed));
        Map<String, HostileRequest> byFamily = new LinkedHashMap<>();
        Map<String, HostileRequest> byEndpoint = new LinkedHashMap<>();
        for (HostileRequest request : all) {
            byFamily.putIfAbsent(request.family(), request);
            byEndpoint.putIfAbsent(request.endpoint(), request);
        }
        Set<HostileRequest> chosen = new LinkedHashSet<>(byFamily.values());
        chosen.addAll(byEndpoint.values());
        for (Iterator<HostileRequest> rest = all.iterator(); chosen.size() < count && rest.hasNext(); ) {
            chosen.add(rest.next());
        }
        return new ArrayList<>(chosen);
    }

    /** {@code count} requests that each break two or three fields of one endpoint at once, drawn with {@code seed}. */
    public static List<HostileRequest> compound(Targets targets, int count, long seed) {
        Random random = new Random(seed);
        List<Endpoint> endpoints = WriteEndpoints.all(targets).stream().filter(e -> e.fields().size() > 1).toList();
        List<HostileRequest> requests = new ArrayList<>();
        while (requests.size() < count) {
            Endpoint endpoint = endpoints.get(random.nextInt(endpoints.size()));
            List<Endpoint.Field> fields = new ArrayList<>(endpoint.fields());
            Collections.shuffle(fields, random);
            Map<String, Object> body = endpoint.body();
            List<Endpoint.Field> broken = new ArrayList<>();
            StringBuilder what = new StringBuilder();
            for (Endpoint.Field field : fields) {
                if (broken.size() == 2 + random.nextInt(2)) {
                    break;
                }
                if (broken.stream().anyMatch(other -> overlap(other.path(), field.path()))) {
                    continue;
                }
                List<FieldMutations.Mutation> mutations = FieldMutations.of(field, endpoint.value(field.path()));
                FieldMutations.Mutation mutation = mutations.get(random.nextInt(mutations.size()));
                body = Endpoint.with(body, field.path(), mutation.value());
                broken.add(field);
                what.append(what.isEmpty() ? "" : "; ").append(field.pointer()).append(": ").append(mutation.description());
            }
            requests.add(request(endpoint, what.toString(), "compound", json(body)));
        }
        return requests;
    }

    private static boolean overlap(List<Object> a, List<Object> b) {
        int common = Math.min(a.size(), b.size());
        return a.subList(0, common).equals(b.subList(0, common));
    }

    private static List<HostileRequest> bodies(Endpoint endpoint) {
        List<HostileRequest> requests = new ArrayList<>();
        BROKEN_JSON.forEach(text -> requests.add(body(endpoint, "body " + FieldMutations.printable(text),
                text.getBytes(StandardCharsets.UTF_8))));
        String valid = new String(json(endpoint.body()), StandardCharsets.UTF_8);
        String withUnknown = valid.replaceFirst("\\{", "{\"isAdmin\":true,");
        requests.add(body(endpoint, "unknown field", withUnknown.getBytes(StandardCharsets.UTF_8)));
        requests.add(body(endpoint, "polymorphic type field", valid.replaceFirst("\\{",
                "{\"@class\":\"java.lang.ProcessBuilder\",").getBytes(StandardCharsets.UTF_8)));
        StringBuilder manyFields = new StringBuilder("{");
        for (int i = 0; i < 10_000; i++) {
            manyFields.append("\"f").append(i).append("\":").append(i).append(',');
        }
        requests.add(body(endpoint, "10 000 unknown fields", (manyFields + "\"z\":0}").getBytes(StandardCharsets.UTF_8)));
        requests.add(body(endpoint, "arrays nested 100 000 deep", ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.UTF_8)));
        requests.add(body(endpoint, "objects nested 20 000 deep", ("{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000))
                .getBytes(StandardCharsets.UTF_8)));
        byte[] invalidUtf8 = withUnknown.replace("isAdmin", "\u0001").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < invalidUtf8.length; i++) {
            if (invalidUtf8[i] == 1) {
                invalidUtf8[i] = (byte) 0xC3;
                invalidUtf8[i + 1] = (byte) 0x28;
            }
        }
        requests.add(body(endpoint, "invalid UTF-8 in a field name", invalidUtf8));
        byte[] huge = ("{\"x\":\"" + "a".repeat(300_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        requests.add(body(endpoint, "300 kB body with its length declared", huge));
        requests.add(body(endpoint, "300 kB body streamed in chunks", huge).streamed());
        return requests;
    }

    private static List<HostileRequest> headers(Endpoint endpoint) {
        HostileRequest valid = request(endpoint, "", "", json(endpoint.body()));
        List<HostileRequest> requests = new ArrayList<>();
        for (String type : new String[] {"text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/octet-stream", "application/x-java-serialized-object"}) {
            requests.add(valid.withContentType(type).trying("Content-Type " + type));
        }
        requests.add(valid.withContentType(null).trying("no Content-Type"));
        requests.add(valid.as(null, null).trying("no credentials"));
        requests.add(valid.as(null, "Basic " + java.util.Base64.getEncoder().encodeToString(
                (endpoint.user() + ":wrong").getBytes(StandardCharsets.UTF_8))).trying("wrong password"));
        requests.add(valid.as(null, Api.basic("mallory")).trying("unknown user"));
        requests.add(valid.as(null, "Basic !!!not base64!!!").trying("malformed Basic credentials"));
        requests.add(valid.as(null, "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.").trying("unsigned bearer token"));
        requests.add(valid.withMethod("DELETE").trying("DELETE"));
        requests.add(valid.withMethod("PATCH").trying("PATCH"));
        return requests;
    }

    /** Users who may not do this, and another caseworker's case or another institution's referral. */
    private static List<HostileRequest> strangers(Endpoint endpoint, Targets t) {
        HostileRequest valid = request(endpoint, "", "", json(endpoint.body()));
        boolean network = endpoint.path().startsWith("/api/network");
        List<HostileRequest> requests = new ArrayList<>();
        for (String user : network ? List.of("anna", "celina", "pup", "dawid") : List.of("dawid", "admin")) {
            requests.add(valid.as(user, null).trying("as " + user + ", whose role may not"));
        }
        if (!network) {
            requests.add(valid.as("bartek", null).trying("as bartek, on anna's case"));
        }
        if (endpoint.user().equals("anna") && endpoint.path().contains(t.caseId())) {
            String bartekPath = endpoint.path().replace(t.caseId(), t.bartekCaseId())
                    .replace(t.referralId(), t.bartekReferralId()).replace(t.childId(), t.bartekMemberId());
            requests.add(valid.atPath(bartekPath).trying("on bartek's case"));
        }
        if (endpoint.path().contains(t.referralId()) && endpoint.user().equals("pup")) {
            requests.add(valid.atPath(endpoint.path().replace(t.referralId(), t.foreignReferralId()))
                    .trying("on a referral to another institution"));
        }
        return requests;
    }

    private static List<HostileRequest> paths(Endpoint endpoint, Targets t) {
        HostileRequest valid = request(endpoint, "", "", json(endpoint.body()));
        List<HostileRequest> requests = new ArrayList<>();
        for (Map.Entry<String, String> id : WriteEndpoints.pathIds(t).entrySet()) {
            if (!endpoint.path().contains(id.getKey())) {
                continue;
            }
            for (String hostile : FieldMutations.INJECTIONS) {
                requests.add(valid.atPath(endpoint.path().replace(id.getKey(), URLEncoder.encode(hostile, StandardCharsets.UTF_8)
                        .replace("+", "%20"))).trying(id.getValue() + " in the path " + FieldMutations.printable(hostile),
                        "id in the path " + FieldMutations.printable(hostile)));
            }
            for (String raw : List.of("..", "%2e%2e", "a%2Fb", "a;b=c", "%25", "a%5Cb", "x".repeat(5000))) {
                String shown = raw.length() > 20 ? "5000 characters" : raw;
                requests.add(valid.atPath(endpoint.path().replace(id.getKey(), raw))
                        .trying(id.getValue() + " in the path '" + shown + "'", "id in the path '" + shown + "'"));
            }
        }
        return requests;
    }

    private static HostileRequest request(Endpoint endpoint, String what, String family, byte[] body) {
        return new HostileRequest(endpoint.name(), what, family, endpoint.method(), endpoint.path(), endpoint.user(), null,
                "application/json", body, false);
    }

    private static HostileRequest body(Endpoint endpoint, String what, byte[] body) {
        return request(endpoint, what, what, body);
    }

    private static byte[] json(Object body) {
        return Api.JSON.writeValueAsBytes(body);
    }
}
