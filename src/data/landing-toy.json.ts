// Precomputed paired toy run for the landing page (loaders/landing-toy.ts).
import {landingToy} from "../../loaders/landing-toy.js";

process.stdout.write(JSON.stringify(landingToy()));
