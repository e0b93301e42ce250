import { signMatrix } from './sign-matrix.js';

signMatrix('private-areas');
