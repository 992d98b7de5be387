/** A one-line progress bar on a TTY (stderr), silent elsewhere. */
export function progressBar(stream: NodeJS.WriteStream = process.stderr): {
  update(percent: number, step?: string): void;
  done(): void;
} {
  const enabled = Boolean(stream.isTTY);
  let last = '';
  return {
    update(percent, step) {
      if (!enabled) return;
      const pct = Math.max(0, Math.min(100, Math.round(percent)));
      const width = 30;
      const filled = Math.round((pct / 100) * width);
      const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(pct).padStart(3)}% ${step ?? ''}`;
      if (line === last) return;
      last = line;
      stream.write(`\r${line.padEnd(80).slice(0, Math.max(20, (stream.columns ?? 80) - 1))}`);
    },
    done() {
      if (enabled && last) stream.write('\r\u001b[2K');
    },
  };
}
