// The landing page's numbers, related work and changelog (loaders/landing.ts).
import {landingData} from "../../loaders/landing.js";

process.stdout.write(JSON.stringify(landingData()));
