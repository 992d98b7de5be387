// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract EtherStore {
    mapping(address => uint256) public deposits;

    function deposit() external payable {
        deposits[msg.sender] += msg.value;
    }

    function withdraw(uint256 amount) external {
        require(deposits[msg.sender] >= amount, "insufficient");
        (bool ok, ) = msg.sender.call{value: amount}(""); // @vulnerable: reentrancy
        require(ok, "send failed");
        deposits[msg.sender] -= amount;
    }
}
