import { signMatrix } from './sign-matrix.js';

signMatrix('public-property');
