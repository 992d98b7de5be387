// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract CommitReveal {
    mapping(address => bytes32) public commitments;
    mapping(address => uint256) public committedAt;
    bytes32 public immutable answerHash;
    error NoCommit();
    error TooSoon();
    error Wrong();
    error SendFailed();

    constructor(bytes32 h) payable { answerHash = h; }

    function commit(bytes32 c) external {
        commitments[msg.sender] = c;
        committedAt[msg.sender] = block.number;
    }

    function reveal(string calldata answer, bytes32 salt) external {
        if (commitments[msg.sender] != keccak256(abi.encode(answer, salt, msg.sender))) revert NoCommit();
        if (block.number <= committedAt[msg.sender]) revert TooSoon();
        if (keccak256(abi.encode(answer)) != answerHash) revert Wrong();
        delete commitments[msg.sender];
        (bool ok, ) = msg.sender.call{value: address(this).balance}("");
        if (!ok) revert SendFailed();
    }
}
