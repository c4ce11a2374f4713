package dev.tributary.producer.generator;

import dev.tributary.common.config.generator.AgrawalSpec;
import dev.tributary.common.data.Example;
import dev.tributary.common.data.Schema;

import java.util.List;
import java.util.Random;

/**
 * The loan-applicant concepts (Agrawal, Imielinski and Swami, "Database mining: a performance
 * perspective", IEEE TKDE 5(6), 1993), as MOA's {@code AgrawalGenerator} defines them.
 *
 * <p>Attributes, drawn in this order: {@code salary} uniform in [20k, 150k); {@code commission}
 * 0 when salary ≥ 75k, else uniform in [10k, 75k); {@code age} an integer uniform in [20, 80];
 * {@code elevel} in {0..4}; {@code car} in {0..19} (MOA's nominal index of car1..car20);
 * {@code zipcode} in {0..8} (zipcode1..zipcode9); {@code hvalue} uniform in
 * [0.5k, 1.5k)·100k with k = 9 − zipcode; {@code hyears} an integer in [1, 30]; {@code loan}
 * uniform in [0, 500k). The nominal ones are emitted as their index.
 *
 * <p>Labels: 0 ({@code groupA}) or 1 ({@code groupB}), by one of the ten functions below,
 * evaluated on the attributes before perturbation. Perturbation {@code p > 0} then shifts salary,
 * commission (when positive), age, hvalue, hyears and loan by {@code p · range · U(-1, 1)} and
 * clamps them back to their range, rounding age and hyears; elevel, car and zipcode are not
 * perturbed. As in MOA (and River), the range for hvalue is {@code (9 − zipcode)·100k} but it is
 * clamped to [0, 135k], so a perturbed hvalue rarely exceeds 135,000.
 */
public final class AgrawalGenerator implements ExampleGenerator {

    private static final Schema SCHEMA = new Schema(List.of("salary", "commission", "age", "elevel", "car",
            "zipcode", "hvalue", "hyears", "loan"), List.of("groupA", "groupB"));
    /** MOA's clamp for a perturbed house value; see the class comment. */
    private static final double HVALUE_PERTURBED_MAX = 135_000;

    private final int function;
    private final double perturbation;
    private final Random random;

    /**
     * @param spec the concept
     * @param seed the seed of its only random source
     */
    public AgrawalGenerator(AgrawalSpec spec, long seed) {
        this.function = spec.function();
        this.perturbation = spec.perturbation();
        this.random = new Random(seed);
    }

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public Example next() {
        double salary = 20_000 + 130_000 * random.nextDouble();
        double commission = salary >= 75_000 ? 0 : 10_000 + 65_000 * random.nextDouble();
        int age = 20 + random.nextInt(61);
        int elevel = random.nextInt(5);
        int car = random.nextInt(20);
        int zipcode = random.nextInt(9);
        double hvalue = (9 - zipcode) * 100_000 * (0.5 + random.nextDouble());
        int hyears = 1 + random.nextInt(30);
        double loan = 500_000 * random.nextDouble();
        int label = classify(function, salary, commission, age, elevel, hvalue, hyears, loan);
        if (perturbation > 0) {
            salary = perturb(salary, 130_000, 20_000, 150_000);
            if (commission > 0) {
                commission = perturb(commission, 65_000, 10_000, 75_000);
            }
            age = (int) Math.round(perturb(age, 60, 20, 80));
            hvalue = perturb(hvalue, (9 - zipcode) * 100_000, 0, HVALUE_PERTURBED_MAX);
            hyears = (int) Math.round(perturb(hyears, 29, 1, 30));
            loan = perturb(loan, 500_000, 0, 500_000);
        }
        return new Example(new double[] {salary, commission, age, elevel, car, zipcode, hvalue, hyears, loan}, label);
    }

    private double perturb(double value, double range, double min, double max) {
        double shifted = value + range * (2 * random.nextDouble() - 1) * perturbation;
        return Math.min(max, Math.max(min, shifted));
    }

    /**
     * The ten functions, numbered as in MOA; car and zipcode never matter (zipcode acts only
     * through hvalue).
     */
    private static int classify(int function, double salary, double commission, int age, int elevel, double hvalue,
                        int hyears, double loan) {
        return switch (function) {
            case 1 -> age < 40 || age >= 60 ? 0 : 1;
            case 2 -> salaryInBand(age, salary) ? 0 : 1;
            case 3 -> elevelInBand(age, elevel) ? 0 : 1;
            case 4 -> {
                boolean inBand = elevelInBand(age, elevel);
                if (age < 40) {
                    yield within(salary, inBand ? 25_000 : 50_000, inBand ? 75_000 : 100_000) ? 0 : 1;
                } else if (age < 60) {
                    yield within(salary, inBand ? 50_000 : 75_000, inBand ? 100_000 : 125_000) ? 0 : 1;
                }
                yield within(salary, inBand ? 50_000 : 25_000, inBand ? 100_000 : 75_000) ? 0 : 1;
            }
            case 5 -> {
                boolean inBand = salaryInBand(age, salary);
                if (age < 40) {
                    yield within(loan, inBand ? 100_000 : 200_000, inBand ? 300_000 : 400_000) ? 0 : 1;
                } else if (age < 60) {
                    yield within(loan, inBand ? 200_000 : 300_000, inBand ? 400_000 : 500_000) ? 0 : 1;
                }
                yield within(loan, inBand ? 300_000 : 100_000, inBand ? 500_000 : 300_000) ? 0 : 1;
            }
            case 6 -> salaryInBand(age, salary + commission) ? 0 : 1;
            case 7 -> 2 * (salary + commission) / 3 - loan / 5 - 20_000 > 0 ? 0 : 1;
            case 8 -> 2 * (salary + commission) / 3 - 5_000 * elevel - 20_000 > 0 ? 0 : 1;
            case 9 -> 2 * (salary + commission) / 3 - 5_000 * elevel - loan / 5 - 10_000 > 0 ? 0 : 1;
            case 10 -> {
                double equity = hyears >= 20 ? hvalue * (hyears - 20) / 10 : 0;
                yield 2 * (salary + commission) / 3 - 5_000 * elevel + equity / 5 - 10_000 > 0 ? 0 : 1;
            }
            default -> throw new IllegalArgumentException("Agrawal function must be 1 to 10, was " + function);
        };
    }

    /** Function 2's group A: 50–100k under 40, 75–125k from 40 to 59, 25–75k from 60. */
    private static boolean salaryInBand(int age, double salary) {
        if (age < 40) {
            return within(salary, 50_000, 100_000);
        }
        return age < 60 ? within(salary, 75_000, 125_000) : within(salary, 25_000, 75_000);
    }

    /** Function 3's group A: elevel 0–1 under 40, 1–3 from 40 to 59, 2–4 from 60. */
    private static boolean elevelInBand(int age, int elevel) {
        if (age < 40) {
            return elevel <= 1;
        }
        return age < 60 ? elevel >= 1 && elevel <= 3 : elevel >= 2;
    }

    private static boolean within(double value, double low, double high) {
        return low <= value && value <= high;
    }
}
