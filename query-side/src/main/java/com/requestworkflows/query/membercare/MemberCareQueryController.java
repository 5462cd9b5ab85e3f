package com.requestworkflows.query.membercare;

import com.requestworkflows.api.error.ErrorCodes;
import com.requestworkflows.api.error.InvalidRequestException;
import com.requestworkflows.api.identity.Caller;
import com.requestworkflows.api.membercare.MemberCareItem;
import com.requestworkflows.api.membercare.MemberCareResponse;
import com.requestworkflows.api.request.BaseType;
import com.requestworkflows.api.request.RequestCustomer;
import com.requestworkflows.api.request.RequestState;
import com.requestworkflows.api.request.RequestType;
import com.requestworkflows.api.request.RequestView;
import com.requestworkflows.query.audit.AuditEntry;
import com.requestworkflows.query.listing.TimeRange;
import com.requestworkflows.query.projection.AttributesCodec;
import com.requestworkflows.query.projection.ViewCollections;
import com.requestworkflows.query.request.RequestDocument;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The member-care API's (v1.1) listings, from the same views as the JSON API: {@code request/get} (requests, newest
 * first, at most 50) and {@code request/logs} (their state changes, oldest first). Dates are {@code yyyy-MM-dd},
 * whole UTC days, both ends included.
 */
@RestController
@RequestMapping("/v1.1/request")
public class MemberCareQueryController {

    static final int MAX_REQUESTS = 50;
    static final int DEFAULT_REQUESTS = 10;
    static final int MAX_LOG_ENTRIES = 1000;
    static final int DEFAULT_LOG_ENTRIES = 100;

    private final MongoTemplate mongo;
    private final AttributesCodec codec;

    public MemberCareQueryController(MongoTemplate mongo, AttributesCodec codec) {
        this.mongo = mongo;
        this.codec = codec;
    }

    @GetMapping("/get")
    public MemberCareResponse get(@RequestParam(name = "start_date", required = false) String startDate,
                                  @RequestParam(name = "end_date", required = false) String endDate,
                                  @RequestParam(required = false) String status,
                                  @RequestParam(required = false) String type,
                                  @RequestParam(name = "base_type", required = false) String baseType,
                                  @RequestParam(name = "start_id", required = false) String startId,
                                  @RequestParam(name = "end_id", required = false) String endId,
                                  @RequestParam(required = false) String limit,
                                  @RequestParam Map<String, String> parameters,
                                  @AuthenticationPrincipal Caller caller) {
        Criteria criteria = ofType(where("orgId").is(caller.orgId()), type, baseType);
        criteria = days(startDate, endDate, false).and(criteria, "createdAt");
        if (status != null) {
            criteria = criteria.and("state").in(statesShownAs(status));
        }
        Long from = number("start_id", startId);
        Long to = number("end_id", endId);
        if (from != null || to != null) {
            criteria = criteria.and("requestNumber").gte(from == null ? 0 : from).lte(to == null ? Long.MAX_VALUE : to);
        }
        for (String identifier : RequestCustomer.IDENTIFIERS) {
            String value = parameters.get(identifier);
            if (value != null) {
                criteria = criteria.and("customer." + identifier).is(value);
            }
        }
        Query query = Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "requestNumber"))
                .limit(count("limit", limit, DEFAULT_REQUESTS, MAX_REQUESTS));
        return MemberCareResponse.ofRows(mongo.find(query, RequestDocument.class, ViewCollections.REQUESTS).stream()
                .map(document -> MemberCareItem.of(document.toView(codec), null)).toList());
    }

    @GetMapping("/logs")
    public MemberCareResponse logs(@RequestParam(name = "start_date", required = false) String startDate,
                                   @RequestParam(name = "end_date", required = false) String endDate,
                                   @RequestParam(required = false) String type,
                                   @RequestParam(name = "base_type", required = false) String baseType,
                                   @RequestParam(required = false) String limit,
                                   @RequestParam(required = false) String page,
                                   @AuthenticationPrincipal Caller caller) {
        Criteria criteria = days(startDate, endDate, true).and(ofType(where("orgId").is(caller.orgId()), type,
                baseType), "at");
        int size = count("limit", limit, DEFAULT_LOG_ENTRIES, MAX_LOG_ENTRIES);
        long skip = (long) count("page", page, 0, Integer.MAX_VALUE) * size;
        List<AuditEntry> entries = mongo.find(Query.query(criteria)
                        .with(Sort.by(Sort.Direction.ASC, "at").and(Sort.by("_id"))).skip(skip).limit(size),
                AuditEntry.class, ViewCollections.AUDIT_LOG);
        List<String> ids = entries.stream().map(AuditEntry::requestId).distinct().toList();
        Map<String, RequestView> requests = mongo.find(Query.query(where("_id").in(ids)), RequestDocument.class,
                        ViewCollections.REQUESTS).stream()
                .collect(Collectors.toMap(RequestDocument::requestId, document -> document.toView(codec)));
        return MemberCareResponse.ofRows(entries.stream().filter(entry -> requests.containsKey(entry.requestId()))
                .map(entry -> MemberCareLogEntry.of(entry, requests.get(entry.requestId()))).toList());
    }

    private static Criteria ofType(Criteria criteria, String type, String baseType) {
        if (type == null) {
            if (baseType != null) {
                criteria = criteria.and("baseType").is(parse("base_type", baseType, BaseType::valueOf,
                        ErrorCodes.INVALID_BASE_TYPE));
            }
            return criteria;
        }
        RequestType requestType = RequestType.parse("type", type);
        criteria = criteria.and("requestType").is(requestType);
        return baseType == null ? criteria : criteria.and("baseType").is(requestType.parseBaseType("base_type",
                baseType));
    }

    /** The requests a v1.1 status stands for: PENDING, APPROVED (also executing and failed), REJECTED. */
    private static List<RequestState> statesShownAs(String status) {
        String wanted = status.strip().toUpperCase(Locale.ROOT);
        List<RequestState> states = Arrays.stream(RequestState.values())
                .filter(state -> state.memberCareStatus().equals(wanted)).toList();
        if (states.isEmpty()) {
            throw new InvalidRequestException("status", "must be PENDING, APPROVED or REJECTED");
        }
        return states;
    }

    /** Whole UTC days from {@code start} to {@code end} (yyyy-MM-dd), either open unless {@code required}. */
    private static TimeRange days(String start, String end, boolean required) {
        if (required && (start == null || end == null)) {
            throw new InvalidRequestException(start == null ? "start_date" : "end_date",
                    "is required (yyyy-MM-dd)", ErrorCodes.DATE_FORMAT);
        }
        Long from = start == null ? null : day("start_date", start).atStartOfDay(ZoneOffset.UTC).toInstant()
                .toEpochMilli();
        Long to = end == null ? null : day("end_date", end).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()
                .toEpochMilli() - 1;
        if (from != null && to != null && from > to) {
            throw new InvalidRequestException("end_date", "must not be before start_date", ErrorCodes.DATE_FORMAT);
        }
        return new TimeRange(from, to);
    }

    private static LocalDate day(String name, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(name, "must be a date as yyyy-MM-dd", ErrorCodes.DATE_FORMAT);
        }
    }

    private static Long number(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            long number = Long.parseLong(value.strip());
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidRequestException(name, "must be a request id (a whole number)");
    }

    /** A count from 1 (0 for a page) up to {@code max}; larger ones are taken as {@code max}. */
    private static int count(String name, String value, int fallback, int max) {
        if (value == null) {
            return fallback;
        }
        Long number = number(name, value);
        if (number == null || (number == 0 && fallback > 0)) {
            throw new InvalidRequestException(name, "must be a whole number from 1 to " + max);
        }
        return (int) Math.min(number, max);
    }

    private static <T> T parse(String name, String value, Function<String, T> parser, int code) {
        try {
            return parser.apply(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(name, "'" + value + "' is not known", code);
        }
    }
}
