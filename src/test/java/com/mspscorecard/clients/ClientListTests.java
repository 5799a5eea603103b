package com.mspscorecard.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ClientListTests {

    @Test
    void linksKeepEveryChoiceButLeaveOutTheDefaults() {
        assertThat(new ClientList(null, null, null, null, false).pageHref(1)).isEqualTo("/clients");
        assertThat(new ClientList(null, null, null, null, false).pageHref(2)).isEqualTo("/clients?page=2");
        ClientList list = new ClientList(" a+b & c=d ", "OFFBOARDING", 7L, "contractEnd", true);
        assertThat(list.pageHref(3))
                .isEqualTo("/clients?q=a%2Bb%20%26%20c%3Dd&status=OFFBOARDING&manager=7&sort=contractEnd&desc=true&page=3");
        assertThat(list.sortHref("contractEnd")).isEqualTo("/clients?q=a%2Bb%20%26%20c%3Dd&status=OFFBOARDING&manager=7&sort=contractEnd");
        assertThat(list.sortHref("name")).isEqualTo("/clients?q=a%2Bb%20%26%20c%3Dd&status=OFFBOARDING&manager=7");
        assertThat(new ClientList("{x}", null, null, "name", false).sortHref("name")).isEqualTo("/clients?q=%7Bx%7D&desc=true");
    }

    @Test
    void anUnknownStatusOrSortFallsBackToTheDefaults() {
        ClientList list = new ClientList("", "NOT_A_STATUS", null, "password", false);
        assertThat(list.status()).isEqualTo(ClientList.CURRENT);
        assertThat(list.sort()).isEqualTo("name");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "null|1", "''|1", "abc|1", "-3|1", "0|1", "1|1", " 7 |7", "2.5|1", "2147483647|2147483647",
            "2147483648|2147483647", "999999999999999999|2147483647", "9999999999999999999999|2147483647", "007|7" })
    void thePageAskedForIsReadLeniently(String page, int expected) {
        assertThat(ClientListPage.requested(page)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1|1|1", "1|3|1 2 3", "1|8|1 2 3 … 8", "3|8|1 2 3 4 5 … 8", "4|8|1 2 3 4 5 6 7 8", "5|9|1 2 3 4 5 6 7 8 9", "5|10|1 2 3 4 5 6 7 … 10",
            "6|40|1 … 4 5 6 7 8 … 40", "40|40|1 … 38 39 40", "6|10|1 … 4 5 6 7 8 9 10" })
    void pageLinksShowTheEndsAndTwoEitherSide(int page, int pages, String expected) {
        List<ClientRow> rows = Collections.nCopies(1, null);
        ClientListPage listPage = new ClientListPage(rows, page, 50, (long) pages * 50);
        assertThat(String.join(" ", listPage.links().stream().map(n -> n == 0 ? "…" : String.valueOf(n)).toList()))
                .isEqualTo(expected);
    }

    @Test
    void thePageSaysWhichMatchesItHolds() {
        ClientListPage last = new ClientListPage(Collections.nCopies(8, null), 3, 50, 108);
        assertThat(last.pages()).isEqualTo(3);
        assertThat(last.first()).isEqualTo(101);
        assertThat(last.last()).isEqualTo(108);
        assertThat(last.hasNext()).isFalse();
        assertThat(last.hasPrevious()).isTrue();
        ClientListPage none = new ClientListPage(List.of(), 1, 50, 0);
        assertThat(none.pages()).isEqualTo(1);
        assertThat(none.first()).isZero();
        assertThat(none.last()).isZero();
        assertThat(none.links()).containsExactly(1);
    }
}
