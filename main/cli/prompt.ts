/** Asks for a secret on the terminal without echoing it. */
import readline from 'node:readline';

export function promptSecret(
  question: string,
  input: NodeJS.ReadStream = process.stdin,
  output: NodeJS.WriteStream = process.stderr,
): Promise<string | null> {
  if (!input.isTTY) return Promise.resolve(null);
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input, output, terminal: true });
    const write = (output as unknown as { write: (s: string) => boolean }).write.bind(output);
    output.write(question);
    // Swallow the echo of what is typed; keep the prompt and the final newline.
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
      if (s.includes('\n')) write('\n');
    };
    rl.question('', (answer) => {
      rl.close();
      resolve(answer);
    });
  });
}
