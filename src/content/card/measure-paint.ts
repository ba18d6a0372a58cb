/**
 * Times something on its way to the screen, from now to just after the browser paints the frame
 * that shows it, as a User Timing measure (visible in DevTools, read by the benchmark) whose
 * `detail.frames` counts the frames begun meanwhile: 1 when it made the very next frame.
 * Returns the function to call once it is in the DOM (or with false when it will not be).
 */
export function startPaintMeasure(name: string): (shown: boolean) => void {
  const start = performance.now();
  let frames = 0;
  let counting = requestAnimationFrame(function count() {
    frames++;
    counting = requestAnimationFrame(count);
  });
  return (shown) => {
    if (!shown) {
      cancelAnimationFrame(counting);
      return;
    }
    // Runs as the next frame is prepared (after this frame's count); a message posted from it
    // is delivered in the next task, once that frame has been painted.
    requestAnimationFrame(() => {
      cancelAnimationFrame(counting);
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        performance.measure(name, { start, end: performance.now(), detail: { frames } });
      };
      channel.port2.postMessage(null);
    });
  };
}
