// Lets vite-plugin-svelte and svelte-check agree on how <script lang="ts"> is handled.
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

export default {
  preprocess: vitePreprocess(),
};
