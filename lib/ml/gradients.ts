/**
 * `@tensorflow/tfjs-core` registers no gradient functions of its own (the `@tensorflow/tfjs`
 * umbrella package normally does), so `tf.grad` and `optimizer.minimize` fail with
 * "gradient function not found" unless this registration has run. Every module that
 * differentiates imports this one for its side effect.
 *
 * The target is an ES module without file extensions in its imports: it loads through a
 * bundler (Next, Vite/Vitest) but not through plain Node.
 */
import '@tensorflow/tfjs-core/dist/register_all_gradients';
