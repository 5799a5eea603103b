package com.mspscorecard.importing;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Previews a made-up CSV file once at start-up, before the application reports itself ready, so that
 * the first import after a start does not pay for the JIT compiling the reader and the checks while
 * it reads 120,000 rows (on a cold JVM that took about twice as long as on a warm one). It only reads
 * (the clients, to match names that exist nowhere) and writes nothing. What it costs and buys is
 * measured by bench/import-bench.sh (bench/README.md, "CSV import"); {@code scorecard.warm-up=false}
 * turns it off (the tests do).
 */
@Component
@Order(2)
@ConditionalOnProperty(name = "scorecard.warm-up", havingValue = "true", matchIfMissing = true)
class ImportWarmUp implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportWarmUp.class);

    private static final int CLIENTS = 200;
    private static final int MONTHS = 60;

    private final ImportAnalysis analysis;

    ImportWarmUp(ImportAnalysis analysis) {
        this.analysis = analysis;
    }

    @Override
    public void run(ApplicationArguments args) {
        long start = System.nanoTime();
        Random random = new Random(18);
        StringBuilder csv = new StringBuilder("client,month,new_tickets,reopened_tickets,admin_requests,escalations,"
                + "invoices_issued,disputed_invoices,late_payments,avg_days_to_pay,revenue,delivery_cost,hours_spent,"
                + "recommendations_made,recommendations_implemented,recommendations_ignored,security_incidents,"
                + "endpoints\n");
        YearMonth first = YearMonth.of(2016, 1);
        for (int c = 0; c < CLIENTS; c++) {
            for (int m = 0; m < MONTHS; m++) {
                csv.append("start-up warm-up ").append(c).append(',').append(first.plusMonths(m));
                for (int i = 0; i < 7; i++) {
                    csv.append(',').append(random.nextInt(20));
                }
                csv.append(',').append(random.nextInt(9000) / 100).append('.').append(random.nextInt(90) + 10);
                for (int i = 0; i < 3; i++) {
                    csv.append(',').append(random.nextInt(200000)).append('.').append(random.nextInt(90) + 10);
                }
                csv.append(",4,2,1,").append(random.nextInt(3)).append(',').append(random.nextInt(400)).append('\n');
            }
        }
        byte[] content = csv.toString().getBytes(StandardCharsets.UTF_8);
        ImportPreview preview = analysis.analyse(content, ImportOptions.defaults(true),
                new ImportProgress(ImportProgress.estimateRows(content)));
        log.info("Import warmed up on {} made-up rows ({} new, {} with errors) in {} ms", preview.total(),
                preview.newRows, preview.errorRows, (System.nanoTime() - start) / 1_000_000);
    }
}
