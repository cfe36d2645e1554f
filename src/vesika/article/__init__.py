"""Article mode: a scholarly article read as a dossier of the primary documents it quotes."""
