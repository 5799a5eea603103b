package com.mspscorecard.importing.raw;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Times the preview's work on a large raw export, as bench/psa-aggregate-bench.sh runs it at -Xmx512m: open
 * and recognise, detect the date order (one pass), aggregate (a second pass, ticket links counted as psa-flow
 * would receive them). Peak heap is sampled every 5 ms. Not a test: run by the script only.
 */
public final class PsaAggregationBenchmark {

    private PsaAggregationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            Runtime runtime = Runtime.getRuntime();
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(runtime.totalMemory() - runtime.freeMemory(), Math::max);
                try {
                    Thread.sleep(5);
                }
                catch (InterruptedException ex) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        try (RawTable table = RawExportReader.open(file, RawLimits.defaults())) {
            Recognition recognition = Layouts.recognise(table.headers());
            long opened = System.nanoTime();
            long cpuOpened = threads.getCurrentThreadCpuTime();
            DateOrderGuess guess = DateOrderDetection.guess(table, recognition.mapping());
            long guessed = System.nanoTime();
            long cpuGuessed = threads.getCurrentThreadCpuTime();
            AtomicLong links = new AtomicLong();
            AggregationResult result = Aggregation.aggregate(table, recognition.mapping(), SourceSettings.defaults(),
                    guess.order().orElse(DateOrder.ISO), AggregationScope.whole(), TicketClients.NONE,
                    (ticket, client) -> links.incrementAndGet());
            long done = System.nanoTime();
            long cpuDone = threads.getCurrentThreadCpuTime();
            double processCpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime() / 1e9;
            sampler.interrupt();
            long gcs = ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
            long gcMillis = ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
            System.out.printf("BENCH file %s: %,d bytes, %,d rows, layout %s, %s, date order %s%n", file.getFileName(),
                    Files.size(file), result.rows(), recognition.layout().id(), table.format(), guess.order().orElse(null));
            System.out.printf("BENCH result: %,d clients, months %s, cut short %s, %,d ticket links, %,d problems, %,d duplicates%n",
                    result.figures().size(), result.months(), result.cutShortMonths(), links.get(), result.problemCount(),
                    result.duplicateCount());
            // Wall time suffers from other processes on a shared machine; the main thread's CPU time much less.
            System.out.printf("BENCH open + recognise (incl. whole-file UTF-8 check): %.2f s wall, %.2f s CPU%n",
                    (opened - start) / 1e9, (cpuOpened - cpuStart) / 1e9);
            System.out.printf("BENCH date order pass: %.2f s wall, %.2f s CPU%n", (guessed - opened) / 1e9,
                    (cpuGuessed - cpuOpened) / 1e9);
            System.out.printf("BENCH aggregation pass: %.2f s wall, %.2f s CPU%n", (done - guessed) / 1e9,
                    (cpuDone - cpuGuessed) / 1e9);
            System.out.printf("BENCH total: %.2f s wall, %.2f s CPU on the main thread, %.2f s CPU for the process (JIT, GC)%n",
                    (done - start) / 1e9, (cpuDone - cpuStart) / 1e9, processCpu);
            System.out.printf("BENCH peak heap used (sampled): %,d MB of max %,d MB; %d collections, %.2f s in GC%n",
                    peak.get() / (1024 * 1024), Runtime.getRuntime().maxMemory() / (1024 * 1024), gcs, gcMillis / 1e3);
        }
    }
}
