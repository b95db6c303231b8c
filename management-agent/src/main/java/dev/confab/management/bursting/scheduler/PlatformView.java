package dev.confab.management.bursting.scheduler;

import dev.confab.management.resource.catalog.BurstingLimits;
import dev.confab.management.resource.catalog.BurstingPlanning;
import dev.confab.management.resource.catalog.BurstingSchedule;
import dev.confab.management.resource.catalog.GlobalSettings;
import dev.confab.management.resource.catalog.SystemLocation;
import dev.confab.management.resource.catalog.WorkerVm;
import dev.confab.management.resource.engine.StoreTransaction;

import java.util.List;

/** The configuration a run decides on, read in one transaction. Immutable. */
record PlatformView(GlobalSettings settings, BurstingLimits limits, BurstingPlanning planning,
                    List<SystemLocation> locations, List<WorkerVm> nodes, String tagValue,
                    List<BurstingSchedule> schedules) {

    PlatformView {
        locations = List.copyOf(locations);
        nodes = List.copyOf(nodes);
        schedules = List.copyOf(schedules);
    }

    static PlatformView read(StoreTransaction transaction) {
        return new PlatformView(transaction.reads().globalSettings(), transaction.reads().burstingLimits(),
                transaction.reads().burstingPlanning(), transaction.reads().systemLocations(), transaction.reads().workerVms(),
                transaction.reads().burstingTagValue(), transaction.reads().burstingSchedules());
    }

    /** Whether EC2 can be asked at all: an access key or the instance role is set. */
    boolean ec2Configured() {
        return settings.awsInstanceRole() || settings.awsAccessKey().isPresent();
    }
}
