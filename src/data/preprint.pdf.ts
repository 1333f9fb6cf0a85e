// The vendored preprint itself (sha256-checked), so "open page N" links work offline, on this site.
import {readPreprint} from "../../loaders/figures/source.js";

process.stdout.write(readPreprint());
