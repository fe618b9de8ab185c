/** Runs at most `n` of the given tasks at once: a tree walk opens files by the thousand. */
export function limiter(n) {
    let active = 0;
    const waiting = [];
    return async (task) => {
        if (active >= n)
            await new Promise((resolve) => waiting.push(resolve));
        active++;
        try {
            return await task();
        }
        finally {
            active--;
            waiting.shift()?.();
        }
    };
}
