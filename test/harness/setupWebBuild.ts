// Global setup of the browser layer: builds the map (web/) when its sources changed.
import { readConfig } from '../../config/config.ts';
import { ensureWebBuild } from '../../api/src/ensureWebBuild.ts';

export default async function setup() {
  await ensureWebBuild(readConfig().webDistDir, console.log);
}
