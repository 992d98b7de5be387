// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract Riddle {
    bytes32 private solutionHash;

    constructor(bytes32 h) payable { solutionHash = h; }

    function claim(uint256 guess) external {
        require(sha256(abi.encodePacked(guess)) == solutionHash, "no"); // @vulnerable: front_running
        (bool ok, ) = msg.sender.call{value: address(this).balance}("");
        require(ok);
    }
}
