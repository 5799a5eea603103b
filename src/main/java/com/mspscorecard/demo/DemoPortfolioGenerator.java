package com.mspscorecard.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import com.mspscorecard.audit.AuditEvent;
import com.mspscorecard.audit.AuditTrail;
import com.mspscorecard.clients.ClientQueries;
import com.mspscorecard.clients.NewClient;
import com.mspscorecard.clients.NewClients;
import com.mspscorecard.clients.PaymentTerms;
import com.mspscorecard.metrics.Metric;
import com.mspscorecard.metrics.SnapshotBulkWriter;
import com.mspscorecard.scoring.ScoringService;
import com.mspscorecard.users.DemoPortfolio;
import com.mspscorecard.users.Role;
import com.mspscorecard.users.UserDirectory;
import com.mspscorecard.users.UserSummary;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forty made-up clients with two years of figures up to last month, one of every kind the product
 * is about: reliable payers, late payers, an abusive client, a security-negligent one, drains, a
 * client sliding downhill, pleasant but unprofitable ones, a big client the MSP depends on and a
 * newcomer with too little data. Deterministic (fixed seed), so every demo looks the same.
 */
@Component
class DemoPortfolioGenerator implements DemoPortfolio {

    private static final Log log = LogFactory.getLog(DemoPortfolioGenerator.class);

    static final int MONTHS = 24;
    private static final long SEED = 20_260_101L;

    private final JdbcTemplate jdbc;
    private final NewClients newClients;
    private final ClientQueries clientQueries;
    private final UserDirectory users;
    private final SnapshotBulkWriter bulkWriter;
    private final ScoringService scoring;
    private final AuditTrail audit;
    private final Clock clock;

    DemoPortfolioGenerator(JdbcTemplate jdbc, NewClients newClients, ClientQueries clientQueries, UserDirectory users,
            SnapshotBulkWriter bulkWriter, ScoringService scoring, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.clientQueries = clientQueries;
        this.users = users;
        this.newClients = newClients;
        this.bulkWriter = bulkWriter;
        this.scoring = scoring;
        this.audit = audit;
        this.clock = clock;
    }

    /** How a kind of client behaves; rates are per endpoint per month, shares 0–1. */
    private record Kind(String industry, String terms, int endpoints, double revenue, double margin, double effort,
                        double tickets, double reopened, double admin, double escalations, double late,
                        double daysToPay, double disputed, double ignored, double security, int months,
                        boolean declining, boolean sparse) {

        Kind with(int endpoints, double revenue) {
            return new Kind(industry, terms, endpoints, revenue, margin, effort, tickets, reopened, admin, escalations,
                    late, daysToPay, disputed, ignored, security, months, declining, sparse);
        }

        Kind sliding() {
            return new Kind(industry, terms, endpoints, revenue, margin, effort, tickets, reopened, admin, escalations,
                    late, daysToPay, disputed, ignored, security, months, true, sparse);
        }
    }

    private record DemoClient(String name, Kind kind, List<String[]> incidents) {
    }

    private static Kind reliable(String industry, String terms) {
        return new Kind(industry, terms, 30, 6000, 0.62, 1.0, 0.35, 0.03, 0.1, 0.1, 0.0, 24, 0.0, 0.1, 0.02, MONTHS,
                false, false);
    }

    private static List<DemoClient> clients() {
        List<DemoClient> clients = new ArrayList<>();
        String[] names = {"Alpine Dental Group", "Brightwater Logistics", "Castello Wines", "Delta Architects",
                "Evergreen Pharmacy", "Fiordaliso Hotels", "Granite Engineering", "Harbor Insurance Brokers",
                "Iris Optics", "Juniper Law Partners", "Kestrel Accounting", "Lumen Print Shop", "Meridian Travel",
                "Nordic Furniture", "Olivetta Restaurants", "Pioneer Veterinary", "Quercia Builders",
                "Riverside Clinic", "Solaris Energy", "Tessera Design", "Umbra Photography", "Vela Marine"};
        String[] industries = {"Healthcare", "Logistics", "Hospitality", "Professional services", "Retail"};
        String[] terms = {"NET_30", "NET_30", "NET_15", "NET_45", "PREPAID", "NET_60", "NET_30"};
        for (int i = 0; i < names.length; i++) {
            Kind kind = reliable(industries[i % industries.length], terms[i % terms.length])
                    .with(12 + (i * 7) % 60, 2500 + (i * 1370) % 7000);
            clients.add(new DemoClient(names[i], kind, List.of()));
        }
        Kind base = reliable("Manufacturing", "NET_30");
        clients.add(new DemoClient("Colosseo Manufacturing", base.with(260, 62000), List.of()));
        clients.add(new DemoClient("Slowpay Trading", new Kind("Wholesale", "NET_30", 25, 4500, 0.55, 1.0, 0.4, 0.04,
                0.15, 0.2, 0.75, 58, 0.08, 0.2, 0.02, MONTHS, false, false), List.of()));
        clients.add(new DemoClient("Prepaid Gadgets", new Kind("Retail", "PREPAID", 15, 3000, 0.6, 1.0, 0.3, 0.03, 0.1,
                0.1, 0.0, 5, 0.0, 0.1, 0.0, MONTHS, false, false), List.<String[]>of(new String[] {"late", "1"})));
        clients.add(new DemoClient("Furioso Media", new Kind("Media", "NET_30", 20, 5000, 0.55, 1.0, 0.6, 0.06, 0.2,
                0.8, 0.0, 30, 0.02, 0.3, 0.02, MONTHS, false, false),
                List.<String[]>of(new String[] {"ABUSIVE_TREATMENT", "2", "Shouted at the helpdesk technician and sent furious messages at night"},
                        new String[] {"ERRATIC_COMMUNICATION", "7", "Changed the project scope three times in one week"})));
        clients.add(new DemoClient("Knowbetter Consulting", new Kind("Consulting", "NET_30", 18, 4200, 0.5, 1.2, 0.7,
                0.08, 0.3, 0.6, 0.0, 32, 0.03, 0.5, 0.03, MONTHS, false, false),
                List.<String[]>of(new String[] {"DISRESPECT_OF_EXPERTISE", "3", "Overrode the firewall design against written advice"},
                        new String[] {"UNREASONABLE_DEMANDS", "5", "Demanded a same-day office move outside the contract"})));
        clients.add(new DemoClient("Openport Finance", new Kind("Finance", "NET_30", 40, 7000, 0.55, 1.1, 0.5, 0.05,
                0.2, 0.3, 0.0, 30, 0.0, 0.8, 0.7, MONTHS, false, false),
                List.<String[]>of(new String[] {"SECURITY_NEGLIGENCE", "1", "Shared the admin password by e-mail again"})));
        clients.add(new DemoClient("Tiny Bakery", new Kind("Food", "NET_30", 12, 1200, 0.15, 9.0, 2.6, 0.25, 1.2,
                1.0, 0.1, 40, 0.05, 0.4, 0.05, MONTHS, false, false), List.of()));
        clients.add(new DemoClient("Hobby Cycles", new Kind("Retail", "NET_45", 10, 1500, 0.25, 7.5, 2.2, 0.2, 0.9,
                0.6, 0.05, 48, 0.05, 0.45, 0.05, MONTHS, false, false), List.of()));
        clients.add(new DemoClient("Chaos Events", new Kind("Events", "NET_60", 22, 3500, 0.12, 2.0, 2.2, 0.3, 1.1,
                2.5, 0.3, 70, 0.25, 0.7, 0.1, MONTHS, false, false), List.of()));
        clients.add(new DemoClient("Sunset Realty", reliable("Real estate", "NET_30").with(35, 5500)
                .sliding(), List.of()));
        clients.add(new DemoClient("Marble Studios", reliable("Media", "NET_30").with(28, 4800).sliding(), List.of()));
        clients.add(new DemoClient("Middleway Schools", new Kind("Education", "NET_45", 50, 5000, 0.45, 1.0, 1.1, 0.12,
                0.5, 0.8, 0.2, 45, 0.08, 0.35, 0.1, MONTHS, false, false), List.of()));
        clients.add(new DemoClient("Grigio Storage", new Kind("Logistics", "NET_30", 30, 4000, 0.42, 1.0, 1.2, 0.14,
                0.5, 0.9, 0.2, 44, 0.06, 0.4, 0.1, MONTHS, false, false), List.of()));
        clients.add(new DemoClient("Gentle Care Homes", new Kind("Healthcare", "NET_15", 45, 5200, 0.12, 1.3, 0.5, 0.04,
                0.2, 0.1, 0.0, 15, 0.0, 0.05, 0.0, MONTHS, false, false), List.of()));
        clients.add(new DemoClient("Friendly Library", new Kind("Public sector", "NET_30", 25, 3000, 0.2, 1.2, 0.4,
                0.03, 0.15, 0.1, 0.0, 25, 0.0, 0.08, 0.0, MONTHS, false, false), List.of()));
        clients.add(new DemoClient("Curious Labs", new Kind("Research", "NET_30", 30, 8000, 0.65, 1.3, 0.9, 0.06, 0.3,
                0.2, 0.0, 22, 0.0, 0.05, 0.02, MONTHS, false, false), List.of()));
        clients.add(new DemoClient("Question Mark Studios", new Kind("Design", "NET_15", 20, 6500, 0.62, 1.2, 0.8, 0.05,
                0.35, 0.2, 0.0, 14, 0.0, 0.08, 0.0, MONTHS, false, false), List.of()));
        clients.add(new DemoClient("Newcomer Robotics", new Kind("Manufacturing", "NET_30", 16, 0, 0, 1.0, 0.5, 0, 0, 0,
                0, 0, 0, 0, 0, 2, false, true), List.of()));
        return clients;
    }

    @Override
    @Transactional
    public void loadIfEmpty() {
        jdbc.queryForObject("select pg_advisory_xact_lock(73457)", Object.class);
        if (!clientQueries.all().isEmpty()) {
            log.info("Demo portfolio not loaded: the database already has clients");
            return;
        }
        List<Long> owners = users.all().stream().filter(u -> u.role() == Role.OWNER).map(UserSummary::id).sorted()
                .toList();
        if (owners.isEmpty()) {
            log.warn("Demo portfolio not loaded: it needs an owner (create one on /setup first)");
            return;
        }
        long owner = owners.get(0);
        Random random = new Random(SEED);
        YearMonth last = YearMonth.now(clock).minusMonths(1);
        List<DemoClient> clients = clients();
        List<NewClient> toCreate = new ArrayList<>();
        for (int index = 0; index < clients.size(); index++) {
            Kind kind = clients.get(index).kind();
            LocalDate start = last.minusMonths(kind.months() - 1L).atDay(1);
            toCreate.add(new NewClient(clients.get(index).name(), "DEMO-" + (1001 + index), kind.industry(), owner,
                    PaymentTerms.valueOf(kind.terms()), start.minusYears(1), last.plusYears(1).atDay(1), 60,
                    money(kind.revenue()), kind.endpoints(), "Demo client"));
        }
        Map<String, Long> ids = newClients.create(toCreate, "client.createdByDemo");
        List<Object[]> snapshots = new ArrayList<>();
        List<Object[]> incidents = new ArrayList<>();
        for (DemoClient client : clients) {
            Kind kind = client.kind();
            long id = ids.get(client.name().toLowerCase(Locale.ROOT));
            for (int m = 0; m < kind.months(); m++) {
                snapshots.add(month(id, kind, last.minusMonths(kind.months() - 1L - m), m, random));
            }
            for (String[] incident : client.incidents()) {
                if (incident[0].equals("late")) {
                    continue;
                }
                incidents.add(new Object[] {id, Date.valueOf(last.minusMonths(Long.parseLong(incident[1])).atDay(12)),
                        incident[0], incident[2], owner});
            }
            if (client.incidents().stream().anyMatch(i -> i[0].equals("late"))) {
                // One late invoice last month: for a PREPAID client that is already a dealbreaker.
                Object[] lastMonth = snapshots.get(snapshots.size() - 1);
                lastMonth[8] = 1;
            }
        }
        // No SnapshotsChanged: the full rescore below scores every client once, incidents included.
        bulkWriter.insertNew(List.of(Metric.values()), new DemoSnapshotRows(snapshots), written -> {
        });
        jdbc.batchUpdate("insert into incident (client_id, occurred_on, category, description, logged_by_id) "
                + "values (?, ?, ?, ?, ?)", incidents);
        audit.record(AuditEvent.of("DEMO_LOADED", "client", null, "demo.loaded", clients.size(), snapshots.size()));
        var summary = scoring.rescoreAll();
        log.info("Demo portfolio loaded: " + clients.size() + " clients, " + summary.scorecards() + " scorecards");
    }

    private static Object[] month(long clientId, Kind kind, YearMonth month, int index, Random random) {
        // A declining client is spotless for most of the period and slides over its last six months.
        double decline = kind.declining() ? Math.max(0, (index - (kind.months() - 7)) / 6.0) : 0;
        int endpoints = kind.endpoints();
        if (kind.sparse()) {
            Object[] row = new Object[18];
            row[0] = clientId;
            row[1] = Date.valueOf(month.atDay(1));
            row[2] = (int) Math.round(endpoints * kind.tickets() * vary(random));
            return row;
        }
        double tickets = endpoints * (kind.tickets() + decline * 1.2) * vary(random);
        int newTickets = (int) Math.round(tickets);
        double revenue = kind.revenue() * (1 + 0.03 * random.nextGaussian());
        double margin = kind.margin() - decline * 0.35 + 0.03 * random.nextGaussian();
        int made = 1 + random.nextInt(3);
        int ignored = 0;
        for (int i = 0; i < made; i++) {
            if (random.nextDouble() < Math.min(1, kind.ignored() + decline * 0.5)) {
                ignored++;
            }
        }
        int invoices = 1 + (random.nextDouble() < 0.3 ? 1 : 0);
        int late = random.nextDouble() < kind.late() ? 1 : 0;
        return new Object[] {clientId, Date.valueOf(month.atDay(1)), newTickets,
                (int) Math.round(newTickets * kind.reopened() * vary(random)),
                (int) Math.round(endpoints * kind.admin() * vary(random)),
                poisson(kind.escalations() + decline * 1.5, random), invoices,
                random.nextDouble() < kind.disputed() ? 1 : 0, late,
                money(Math.max(0, kind.daysToPay() + decline * 25 + 3 * random.nextGaussian())), money(revenue),
                money(revenue * (1 - margin)), money(kind.revenue() / 100 * kind.effort() * vary(random) * (1 + decline)),
                made, made - ignored, ignored, random.nextDouble() < kind.security() ? 1 : 0, endpoints};
    }

    private static double vary(Random random) {
        return Math.max(0.1, 1 + 0.15 * random.nextGaussian());
    }

    private static int poisson(double lambda, Random random) {
        double limit = Math.exp(-lambda);
        double p = 1;
        int k = 0;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > limit);
        return k - 1;
    }

    private static BigDecimal money(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
