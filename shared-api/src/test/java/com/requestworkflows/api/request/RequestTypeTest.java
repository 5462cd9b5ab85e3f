package com.requestworkflows.api.request;

import com.requestworkflows.api.error.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestTypeTest {

    private static void assertRefused(Runnable parsing, String field) {
        assertThatThrownBy(parsing::run)
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        refusal -> assertThat(refusal.field()).isEqualTo(field));
    }

    @ParameterizedTest
    @ValueSource(strings = {"CUSTOMER_STATUS_CHANGE", "CUSTOMER-STATUS-CHANGE", "customer-status-change",
            " customer_status_change "})
    void acceptsEverySpellingTheReferenceUses(String spelling) {
        assertThat(RequestType.parse("requestType", spelling)).isEqualTo(RequestType.CUSTOMER_STATUS_CHANGE);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "CUSTOMER_STATUS", "POINTS REDEMPTION", "ADD_POINTS"})
    void refusesAnythingElseNamingTheField(String value) {
        assertRefused(() -> RequestType.parse("requestType", value), "requestType");
    }

    @ParameterizedTest
    @EnumSource(value = RequestType.class, names = {"CHANGE_IDENTIFIER", "TRANSACTION_UPDATE", "GOODWILL"})
    void aMemberCareTypeRequiresABaseType(RequestType type) {
        assertRefused(() -> type.parseBaseType("baseType", null), "baseType");
        assertRefused(() -> type.parseBaseType("baseType", " "), "baseType");
    }

    @ParameterizedTest
    @CsvSource({
            "CHANGE_IDENTIFIER, EMAIL, EMAIL",
            "CHANGE_IDENTIFIER, external-id, EXTERNAL_ID",
            "CHANGE_IDENTIFIER, mobile_realloc, MOBILE_REALLOC",
            "CHANGE_IDENTIFIER, MERGE, MERGE",
            "TRANSACTION_UPDATE, retro, RETRO",
            "GOODWILL, POINTS, POINTS",
            "GOODWILL, Coupons, COUPONS"})
    void acceptsTheBaseTypesOfItsType(RequestType type, String value, BaseType expected) {
        assertThat(type.parseBaseType("baseType", value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"CHANGE_IDENTIFIER, RETRO", "TRANSACTION_UPDATE, EMAIL", "GOODWILL, MOBILE", "GOODWILL, POINT"})
    void refusesTheBaseTypeOfAnotherType(RequestType type, String value) {
        assertRefused(() -> type.parseBaseType("baseType", value), "baseType");
    }

    @ParameterizedTest
    @EnumSource(value = RequestType.class,
            names = {"POINTS_REDEMPTION", "CUSTOMER_STATUS_CHANGE", "GOODWILL_POINTS", "EARN_BADGE", "ISSUE_BADGE"})
    void aTypeWithoutBaseTypesRefusesOneAndAcceptsNone(RequestType type) {
        assertRefused(() -> type.parseBaseType("baseType", "POINTS"), "baseType");
        assertThat(type.parseBaseType("baseType", null)).isNull();
        assertThat(type.parseBaseType("baseType", "")).isNull();
    }

    @Test
    void theRefusalListsTheAllowedBaseTypes() {
        assertThatThrownBy(() -> RequestType.TRANSACTION_UPDATE.parseBaseType("baseType", null))
                .hasMessageContaining("RETRO");
    }
}
