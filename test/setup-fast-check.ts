/**
 * Property tests run with a fixed seed so CI is reproducible; explore new cases locally with
 * `FC_SEED=$RANDOM npm test` (fast-check prints the seed and counterexample of any failure).
 */
import fc from "fast-check";

const seed = process.env.FC_SEED === undefined ? 20261125 : Number(process.env.FC_SEED);
fc.configureGlobal({ seed });
