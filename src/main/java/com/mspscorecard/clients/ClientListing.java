package com.mspscorecard.clients;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads one page of the clients list in PostgreSQL: the filters, the order and the page are
 * SQL, so a page costs two queries (how many match, which rows) whatever the size of the
 * portfolio. Loading every client as an entity and filtering, sorting and rendering them all
 * made the list 671 KB and over a second at 2,000 clients (issue 18).
 * <p>
 * Account managers' names belong to the users module: their order comes in as a ranking of
 * manager ids rather than a join with its table.
 */
@Repository
@Transactional(readOnly = true)
class ClientListing {

    private static final String COLUMNS = """
            id, name, external_ref, industry, account_manager_id, status, payment_terms, contract_mrr,
            endpoints, contract_end""";

    private final JdbcTemplate jdbc;

    ClientListing(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The page of {@code list} numbered {@code requested}, clamped to the pages there are.
     * {@code managerNames} names account managers by user id, for the rows and the manager order.
     */
    ClientListPage page(ClientList list, int requested, Map<Long, String> managerNames) {
        List<Object> args = new ArrayList<>();
        String where = where(list, args);
        long total = jdbc.queryForObject("select count(*) from client" + where, Long.class, args.toArray());
        int page = Math.min(Math.max(1, requested), ClientListPage.pages(total, ClientListPage.SIZE));
        String order = order(list, managerNames, args);
        args.add(ClientListPage.SIZE);
        args.add((long) (page - 1) * ClientListPage.SIZE);
        List<ClientRow> rows = jdbc.query("select " + COLUMNS + " from client" + where + " order by " + order
                + " limit ? offset ?", (rs, n) -> {
                    Long manager = (Long) rs.getObject("account_manager_id");
                    return new ClientRow(rs.getLong("id"), rs.getString("name"), rs.getString("external_ref"),
                            rs.getString("industry"), manager, manager == null ? null : managerNames.get(manager),
                            ClientStatus.valueOf(rs.getString("status")),
                            PaymentTerms.valueOf(rs.getString("payment_terms")), rs.getBigDecimal("contract_mrr"),
                            (Integer) rs.getObject("endpoints"), rs.getObject("contract_end", java.time.LocalDate.class));
                }, args.toArray());
        return new ClientListPage(rows, page, ClientListPage.SIZE, total);
    }

    private static String where(ClientList list, List<Object> args) {
        List<String> conditions = new ArrayList<>();
        if (!list.query().isEmpty()) {
            // strpos, not like: a % or _ typed in the search is meant literally.
            conditions.add("(strpos(lower(name), lower(?)) > 0 or strpos(lower(coalesce(external_ref, '')), lower(?)) > 0)");
            args.add(list.query());
            args.add(list.query());
        }
        switch (list.status()) {
            case ClientList.ALL -> { }
            case ClientList.CURRENT -> conditions.add("status <> 'OFFBOARDED'");
            default -> {
                conditions.add("status = ?");
                args.add(list.status());
            }
        }
        if (list.manager() != null) {
            conditions.add("account_manager_id = ?");
            args.add(list.manager());
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    /**
     * The sort column, then the name; clients without a value (no renewal date, no manager) come
     * last in either direction, since whoever sorts by a column looks for its values.
     */
    private static String order(ClientList list, Map<Long, String> managerNames, List<Object> args) {
        String column = switch (list.sort()) {
            case "externalRef" -> "external_ref";
            case "industry" -> "lower(industry)";
            case "manager" -> {
                args.add(managerRanks(managerNames));
                yield "array_position(?::bigint[], account_manager_id)";
            }
            case "status" -> rankOf("status", ClientStatus.values());
            case "paymentTerms" -> rankOf("payment_terms", PaymentTerms.values());
            case "contractMrr" -> "contract_mrr";
            case "endpoints" -> "endpoints";
            case "contractEnd" -> "contract_end";
            default -> null;
        };
        String byName = "lower(name), id";
        if (column == null) {
            return list.descending() ? "lower(name) desc, id" : byName;
        }
        return column + (list.descending() ? " desc" : "") + " nulls last, " + byName;
    }

    /** Manager ids ordered by their names, so that their position in it sorts the list by manager. */
    private static Long[] managerRanks(Map<Long, String> managerNames) {
        return managerNames.entrySet().stream()
                .sorted(Map.Entry.<Long, String>comparingByValue(String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(Map.Entry.comparingByValue()))
                .map(Map.Entry::getKey).toArray(Long[]::new);
    }

    /** Enum columns sort in the order the enum declares (active before offboarding), not alphabetically. */
    private static String rankOf(String column, Enum<?>[] values) {
        return Arrays.stream(values).map(v -> "'" + v.name() + "'")
                .collect(Collectors.joining(",", "array_position(array[", "]::text[], " + column + "::text)"));
    }
}
