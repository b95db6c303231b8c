package dev.confab.management.bursting;

/** The chances the keep-or-stop weighing uses: of more calls arriving, or of the load growing, than a slack. */
final class Chance {

    private Chance() {
    }

    /**
     * P(A − E > k) for arrivals A ~ Poisson(arriving) and ends E ~ Poisson(ending): exactly the
     * Poisson tail when nothing ends, else the normal approximation of the difference (mean
     * arriving − ending, variance arriving + ending) with a continuity correction.
     */
    static double growthAbove(double arriving, double ending, double k) {
        if (ending <= 0) {
            return moreThan(arriving, k);
        }
        double z = (Math.floor(k) + 0.5 - (arriving - ending)) / Math.sqrt(arriving + ending);
        return 1 - normal(z);
    }

    /** Φ(z), from the error function (Abramowitz and Stegun 7.1.26, within 1.5e-7). */
    private static double normal(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double erf = 1 - t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027
                + t * 1.061405429)))) * Math.exp(-x * x);
        return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
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
