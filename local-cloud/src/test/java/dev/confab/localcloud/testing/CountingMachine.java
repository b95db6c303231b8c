package dev.confab.localcloud.testing;

import dev.confab.localcloud.ec2.InstanceMachine;

import java.util.concurrent.atomic.AtomicInteger;

/** An instance's machine that runs nothing and counts how often it was powered on and off. Thread-safe. */
public final class CountingMachine implements InstanceMachine {

    private final AtomicInteger powerOns = new AtomicInteger();
    private final AtomicInteger powerOffs = new AtomicInteger();

    @Override
    public void powerOn() {
        powerOns.incrementAndGet();
    }

    @Override
    public void powerOff() {
        powerOffs.incrementAndGet();
    }

    public int powerOns() {
        return powerOns.get();
    }

    public int powerOffs() {
        return powerOffs.get();
    }
}
