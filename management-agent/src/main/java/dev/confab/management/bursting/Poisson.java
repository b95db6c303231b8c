package dev.confab.management.bursting;

/** The Poisson distribution's upper tail, as the keep-or-stop weighing uses it. */
final class Poisson {

    private Poisson() {
    }

    /** P(X > k) for X ~ Poisson(mean): 0 for a mean of 0, 1 for a negative {@code k}. */
    static double moreThan(double mean, double k) {
        if (k < 0) {
            return 1;
        }
        if (mean <= 0) {
            return 0;
        }
        long whole = (long) Math.floor(k);
        // in logarithms: e^-mean underflows for a mean past ~745, while the terms near the mean do not
        double logTerm = -mean;
        double atMost = Math.exp(logTerm);
        for (long i = 1; i <= whole; i++) {
            logTerm += Math.log(mean / i);
            atMost += Math.exp(logTerm);
            if (i > mean && Math.exp(logTerm) < 1e-12) {
                break;
            }
        }
        return Math.max(0, Math.min(1, 1 - atMost));
    }
}
